import type { FlattenedField, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { READS, ROLES, type Role, WRITES } from '../helpers/fieldRules'
import { authorOf, body as richBody } from '../helpers/contentDocs'
import { ESSAY } from '../helpers/orderWorkflow'
import { completedOrderFor, isolationFixtures, placeOrderFor, specialOrderConfigOf, textFile } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Field by field, what each role writes and reads through REST and GraphQL, compared with
 * the hand-written table of tests/helpers/fieldRules.ts. The probes are generated from
 * the config: every field of every collection, for every role.
 */

let t: TestContext
let alpha: number
const tokens = {} as Record<Role, string>
const ids = {} as Record<Role | 'client2' | 'writer2' | 'betaWriter' | 'betaClient' | 'betaAdmin', number>
/** The document of each collection the reads are tried on. */
const docs: Record<string, number> = {}

const opts = (role: Role) => ({ host: 'alpha.test', token: tokens[role] })
const emailOf = (role: Role) => (role === 'superadmin' ? 'superadmin@scriptorium.test' : `${role}@alpha.test`)

const userId = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })).docs[0]!.id

beforeAll(async () => {
  t = await startTestPayload()
  alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  for (const role of ROLES) {
    tokens[role] = await t.api.login(emailOf(role), DEMO_PASSWORD, { host: 'alpha.test' })
    ids[role] = await userId(emailOf(role))
  }
  ids.client2 = await userId('client2@alpha.test')
  ids.writer2 = await userId('writer2@alpha.test')
  ids.betaWriter = await userId('writer@beta.test')
  ids.betaClient = await userId('client@beta.test')
  ids.betaAdmin = await userId('admin@beta.test')
  for (const slug of Object.keys(READS)) {
    if (slug === 'orders' || slug === 'users' || slug === 'login-sessions') continue
    docs[slug] = await isolationFixtures[slug]!.documentOf(t.payload, alpha)
  }
  // An order everyone reads: client@alpha's, worked on by writer@alpha with a frozen pay card.
  const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
  await t.payload.update({ collection: 'orders', id: order.id, data: { status: 'in_progress', paymentStatus: 'fully_paid', amountPaid: order.total, writer: ids.writer, rateCard: { payPerPage: 900 } }, depth: 0 })
  docs.orders = order.id
  // The special and class order are writer@alpha's work too, so the table covers what a writer reads of them.
  await t.payload.update({ collection: 'special-orders', id: docs['special-orders']!, data: { writer: ids.writer, compensation: { kind: 'percentage', value: 40 } }, depth: 0 })
  await t.payload.update({ collection: 'class-orders', id: docs['class-orders']!, data: { writer: ids.writer, compensation: { kind: 'fixed', value: 5000 } }, depth: 0 })
  docs.users = ids.client
  // Not a website's record: client@alpha's sign-in of this file's set-up.
  docs['login-sessions'] = (await t.payload.find({ collection: 'login-sessions', where: { user: { equals: ids.client } }, limit: 1, depth: 0 })).docs[0]!.id
})
afterAll(async () => t?.close())

/** The leaf paths of a REST document: groups spelled out, everything else (arrays, JSON, ids) a leaf. */
const leaves = (fields: readonly FlattenedField[], doc: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(doc).flatMap(([key, value]) => {
    const field = fields.find((f) => f.name === key)
    if (field && (field.type === 'group' || field.type === 'tab') && value && typeof value === 'object') {
      return leaves(field.flattenedFields, value as Record<string, unknown>, `${prefix}${key}.`)
    }
    return [`${prefix}${key}`]
  })

const fieldsOf = (slug: string) => t.payload.collections[slug as 'orders'].config.flattenedFields

/** The table's paths with `group.*` expanded from the config. */
const expand = (slug: string, paths: string[]): string[] =>
  paths.flatMap((path) => {
    if (!path.endsWith('.*')) return [path]
    let fields = fieldsOf(slug)
    for (const segment of path.slice(0, -2).split('.')) {
      const group = fields.find((f) => f.name === segment)
      fields = group && 'flattenedFields' in group ? group.flattenedFields : []
    }
    return fields.map((f) => `${path.slice(0, -1)}${f.name}`)
  })

it('has a read rule for every collection, so a new one cannot skip the table', () => {
  // Platform records without a website, read by superadmins only (their rule is tested with Stripe and checkout).
  const platformOnly = ['idempotency-keys', 'provider-events']
  expect(COLLECTIONS().filter((slug) => !READS[slug] && !platformOnly.includes(slug)).sort()).toEqual([])
})

describe.each(Object.keys(READS))('reading %s', (slug) => {
  const rule = READS[slug]!
  it.each(ROLES)('as %s over REST: exactly the fields of the table', async (role) => {
    const res = await t.api.get(`/api/${slug}/${docs[slug]}?depth=0`, opts(role))
    const hidden = rule.hiddenFrom[role]
    if (!hidden) {
      expect(res.status).toBe(404)
      return
    }
    expect(res.status).toBe(200)
    const expected = expand(slug, rule.fields).filter((f) => !expand(slug, hidden).includes(f))
    expect(leaves(fieldsOf(slug), res.body).sort()).toEqual(expected.sort())
  })
})

/** A GraphQL selection of the given leaf paths, built from the config (relationships as `{ id }`). */
const selection = (fields: readonly FlattenedField[], paths: string[]): string => {
  const byHead = new Map<string, string[]>()
  for (const path of paths) {
    const [head, ...rest] = path.split('.')
    byHead.set(head!, [...(byHead.get(head!) ?? []), ...(rest.length ? [rest.join('.')] : [])])
  }
  return [...byHead.entries()]
    .map(([head, rest]) => {
      const field = fields.find((f) => f.name === head)
      if (field && 'flattenedFields' in field && rest.length) return `${head} { ${selection(field.flattenedFields, rest)} }`
      if (field && (field.type === 'relationship' || field.type === 'upload')) return `${head} { id }`
      // A list of rows read whole (a leaf of the table): GraphQL wants its subfields named.
      if (field && field.type === 'array') return `${head} { ${selection(field.flattenedFields, field.flattenedFields.map((f) => f.name))} }`
      return head
    })
    .join(' ')
}

const at = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : null), value)

const GRAPHQL_ONE: Record<string, string> = { orders: 'Order', tenants: 'Tenant', tips: 'Tip', 'special-orders': 'SpecialOrder', 'class-orders': 'ClassOrder' }

describe.each(Object.keys(GRAPHQL_ONE))('reading %s over GraphQL', (slug) => {
  const rule = READS[slug]!
  it.each(ROLES.filter((r) => rule.hiddenFrom[r]?.length))('as %s: the hidden fields come back empty', async (role) => {
    const hidden = expand(slug, rule.hiddenFrom[role]!)
    const query = `{ ${GRAPHQL_ONE[slug]}(id: ${docs[slug]}) { id ${selection(fieldsOf(slug), hidden)} } }`
    const staff = await t.api.graphql(query, opts('superadmin'))
    expect(staff.body.errors).toBeUndefined()
    // The probe is only meaningful if the staff see something there.
    expect(hidden.some((path) => at(staff.body.data[GRAPHQL_ONE[slug]!], path) != null)).toBe(true)
    const res = await t.api.graphql(query, opts(role))
    const doc = res.body.data?.[GRAPHQL_ONE[slug]!]
    expect(doc?.id).toBe(docs[slug])
    for (const path of hidden) expect(at(doc, path) ?? null, path).toBeNull()
  })
})

// ---------------------------------------------------------------------------------------
// Writes


const PROBE_DATES = ['2031-02-03T04:05:06.000Z', '2001-01-01T00:00:00.000Z', '2032-03-04T05:06:07.000Z']
type N = 0 | 1 | 2

/**
 * A value for a field, one of three (`n`) that differ from the one before in every field
 * (checkboxes go true, false, true): a field is only taken from the body if all three
 * came back as sent, so a server value that moves on its own (a first order's flag turns
 * false, a returning client's true) is not mistaken for the body.
 */
const probeFor = (field: FlattenedField, n: N): unknown => {
  switch (field.type) {
    case 'text':
      return field.hasMany ? [`probe${n}`] : `probe${n}-${field.name}`
    case 'textarea':
    case 'code':
      return `probe${n}-${field.name}`
    case 'email':
      return `probe${n}-${field.name}@probe.test`
    case 'number':
      return field.hasMany ? [7 + n] : 7 + n
    case 'checkbox':
      return n !== 1
    case 'date':
      return PROBE_DATES[n]
    case 'select':
    case 'radio': {
      const values = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      const value = values.at(-1 - n) ?? values[0]
      return field.type === 'select' && field.hasMany ? [value] : value
    }
    case 'relationship':
    case 'upload':
      // People of another website: accepting one would also cross websites.
      return field.relationTo === 'users' ? [ids.betaWriter, ids.betaClient, ids.betaAdmin][n] : undefined
    case 'json':
      return { probe: n }
    case 'group':
    case 'tab':
      return Object.fromEntries(field.flattenedFields.map((f) => [f.name, probeFor(f, n)]).filter(([, v]) => v !== undefined))
    default:
      return undefined
  }
}

/** Fields no body decides because another rule does: the website comes from the request, ids from the database. */
const NOT_PROBED = new Set(['tenant', 'tenants', 'roles'])

/** Probes for every field but `except`, as one body. */
const probes = (slug: string, except: string[], n: N = 0): Record<string, unknown> =>
  Object.fromEntries(
    fieldsOf(slug)
      .filter((f) => !except.includes(f.name) && !NOT_PROBED.has(f.name))
      .map((f) => [f.name, probeFor(f, n)] as const)
      .filter(([, v]) => v !== undefined),
  )

const stored = async (slug: string, id: number) =>
  (await t.payload.findByID({ collection: slug as 'orders', id, depth: 0, showHiddenFields: true })) as unknown as Record<string, unknown>

/** Objects with their keys in order: PostgreSQL's jsonb (rich text) does not keep the order they were sent in. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortedKeys(v)])) : value

/** A value as stored, for comparison with what was sent (array rows lose their ids). */
const comparable = (value: unknown): string =>
  JSON.stringify(sortedKeys(Array.isArray(value) ? value.map((row) => (row && typeof row === 'object' ? Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id')) : row)) : value))

/** Every leaf of `sent` that the document holds as sent (groups compared leaf by leaf; the website is not a body's to decide). */
const written = (sent: Record<string, unknown>, doc: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(sent).flatMap(([key, value]) => {
    if (!prefix && NOT_PROBED.has(key)) return []
    const actual = doc?.[key]
    // Groups are walked; JSON probes and rich text (a Lexical `root`) are leaves.
    if (value && typeof value === 'object' && !Array.isArray(value) && !('probe' in value) && !('root' in value)) return written(value as Record<string, unknown>, (actual ?? {}) as Record<string, unknown>, `${prefix}${key}.`)
    return comparable(actual) === comparable(value) ? [`${prefix}${key}`] : []
  })

const countAll = async (payload: Payload, slug: string) => (await payload.count({ collection: slug as 'orders' })).totalDocs

/** Content rights on Alpha: its admins and content editor, and the superadmin. */
const CONTENT_RIGHTS: Role[] = ['superadmin', 'admin', 'content']

/** For each collection and role a body may create with: the valid part of the body, as writable samples. */
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const createBodies: Record<string, Partial<Record<Role, () => Promise<Record<string, unknown>>>>> = {
  tenants: { superadmin: async () => ({ name: 'Probe Website', slug: `probe-${stamp()}`, domains: [{ domain: `probe-${stamp()}.test` }], currency: 'EUR' }) },
  'pricing-options': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, dimension: 'englishType', code: `probe-${stamp()}`, label: 'Probe English' })])),
  'writer-levels': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, code: `probe-${stamp()}`, name: 'Probe level', payPerPage: 700 })])),
  // A warning of writer2 (it bars nobody); an end after every probe date.
  'discipline-records': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, writer: ids.writer2, kind: 'warning', reason: `Probe warning ${stamp()}`, endsAt: '2040-01-01T00:00:00.000Z' })])),
  'fine-types': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ code: `probe_${stamp()}`, name: 'Probe fine type' })])),
  fines: Object.fromEntries((['support', 'admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ writer: ids.writer, type: 'plagiarism', amount: 2500, reason: 'Probe fine' })])),
  'class-orders': Object.fromEntries(
    (['client', 'support', 'admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => ({
        title: `Probe class ${stamp()}`,
        institution: 'Probe University',
        className: 'Probe Studies',
        classCode: 'PRB-1',
        academicLevel: 'undergrad',
        startDate: '2031-01-05T00:00:00.000Z',
        endDate: '2031-04-05T00:00:00.000Z',
        description: 'Probe description',
        workload: 'Probe workload',
        ...(role === 'client' ? {} : { client: ids.client }),
      }),
    ]),
  ),
  'class-tasks': Object.fromEntries((['support', 'admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ classOrder: docs['class-orders'], kind: 'essay', title: `Probe task ${stamp()}`, instructions: 'Probe instructions', dueAt: '2031-02-01T00:00:00.000Z' })])),
  'special-order-configs': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ name: 'Probe config', slug: `probe-${stamp()}`, durations: [{ label: '5 days', days: 5, price: 9000 }] })])),
  'special-orders': Object.fromEntries(
    (['client', 'support', 'admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => ({ title: `Probe project ${stamp()}`, description: 'Probe scope', config: (await specialOrderConfigOf(t.payload, alpha)).id, duration: '14 days', ...(role === 'client' ? {} : { client: ids.client2 }) }),
    ]),
  ),
  tickets: Object.fromEntries((['client', 'writer'] as Role[]).map((role) => [role, async () => ({ subject: `Probe ticket ${stamp()}`, description: 'Probe problem', category: 'technical', priority: 'low' })])),
  'loyalty-rewards': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, name: `Probe reward ${stamp()}`, pointsRequired: 100, kind: 'perk' })])),
  'notification-templates': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, event: `order.probe_${stamp()}`, subject: 'Probe subject', text: 'Probe text' })])),
  discounts: Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => ({ tenant: alpha, code: `PROBE-${stamp()}`.toUpperCase(), name: 'Probe code', description: 'Probe', kind: 'fixed', value: 250, maxDiscount: 200, minPayable: 100, usageLimit: 5, perClientLimit: 1, firstOrderOnly: true, minLifetimeSpend: 0, origin: 'holiday', active: false, archived: false }),
    ]),
  ),
  'discount-campaigns': Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, name: 'Probe campaign', slug: `probe-${stamp()}`.toLowerCase(), startsAt: new Date(Date.UTC(2030, 0, 1)).toISOString(), budget: 10_000 })]),
  ),
  'email-campaigns': Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, name: 'Probe mail', subject: 'Probe subject', body: richBody('Probe text.'), scheduledAt: new Date(Date.UTC(2030, 0, 1)).toISOString() })]),
  ),
  'email-suppressions': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ tenant: alpha, address: `probe-${stamp()}@example.com`, reason: 'complaint', note: 'Probe note' })])),
  orders: Object.fromEntries(
    (['client', 'support', 'admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => {
        const clientDeadline = new Date(Date.now() + 10 * 24 * 3600 * 1000)
        return {
          ...ESSAY,
          clientDeadline: clientDeadline.toISOString(),
          formattingStyle: 'apa',
          preferredWriter: ids.writer,
          ...(role === 'client' ? {} : { client: ids.client2, writerDeadline: new Date(clientDeadline.getTime() - 3 * 24 * 3600 * 1000).toISOString() }),
          ...(role === 'admin' || role === 'superadmin' ? { filesReleased: true } : {}),
        }
      },
    ]),
  ),
  users: Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => ({ name: 'Probe Person', email: `made-by-${role}-${Date.now()}@alpha.test`, password: 'Probe-password-1', phone: '+1 555 0100', timezone: 'Europe/London', roles: ['writer'], tenants: [{ tenant: alpha }], suspended: true }),
    ]),
  ),
  // A review of a fresh completed order of the client's each time (one review per order).
  reviews: { client: async () => ({ order: (await completedOrderFor(t.payload, alpha, 'client@alpha.test')).id, rating: 4, writerRating: 5, text: `Probe review ${stamp()} of good work.` }) },
  'order-messages': Object.fromEntries(
    ROLES.map((role) => [role, async () => ({ order: docs.orders, thread: role === 'writer' ? 'writer_support' : 'client_support', body: `Hello from ${role}` })]),
  ),
  // Content of the request's website (Alpha), by those with content rights on it.
  ...Object.fromEntries(
    (
      [
        ['posts', async () => ({ title: `Probe post ${stamp()}`, body: richBody('Probe text.'), primaryAuthor: await authorOf(t.payload, alpha) })],
        ['pages', async () => ({ title: `Probe page ${stamp()}`, template: 'essay', body: richBody('Probe text.') })],
        ['authors', async () => ({ name: `Probe author ${stamp()}` })],
        ['categories', async () => ({ name: `Probe category ${stamp()}` })],
        ['tags', async () => ({ name: `Probe tag ${stamp()}` })],
      ] as const
    ).map(([slug, sample]) => [slug, Object.fromEntries(CONTENT_RIGHTS.map((role) => [role, sample]))]),
  ),
}

/** Keys that a role's table lists as writable but that need no sample (their rule is tested elsewhere). */
const SAMPLED_ELSEWHERE = new Set(['password', 'analysisLevel', 'writerLevel', 'englishType', 'addons', 'roles', 'tenants', 'writerLevel'])

const COLLECTIONS = () => t.payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
/** Created with a file, in their own tests (and the last test here). */
const UPLOADS = ['media', 'order-files']

describe('creating', () => {
  it.each(ROLES)('as %s: only the fields of the table are taken from the body, in every collection', async (role) => {
    const report: string[] = []
    for (const slug of COLLECTIONS().filter((c) => !UPLOADS.includes(c))) {
      const writable = WRITES[slug]?.create?.[role]
      const before = await countAll(t.payload, slug)
      if (!writable) {
        // Not a creator here: refused before anything is written. Uploads need a file first.
        const res = await t.api.post(`/api/${slug}`, { ...opts(role), body: probes(slug, []) })
        if (res.status < 400 || res.status >= 500 || (await countAll(t.payload, slug)) !== before) report.push(`${slug}: ${res.status}, ${(await countAll(t.payload, slug)) - before} rows`)
        continue
      }
      const takenEachTime: string[][] = []
      for (const n of [0, 1, 2] as const) {
        const base = await createBodies[slug]![role]!()
        const body = { ...probes(slug, writable, n), ...base }
        const res = await t.api.post(`/api/${slug}`, { ...opts(role), body })
        if (res.status !== 201) {
          report.push(`${slug}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
          break
        }
        const taken = written(body, await stored(slug, res.body.doc.id))
        const missing = Object.keys(base).filter((key) => writable.includes(key) && !SAMPLED_ELSEWHERE.has(key) && !taken.includes(key))
        if (missing.length) report.push(`${slug}: ignored ${missing.join(', ')}`)
        takenEachTime.push(taken)
      }
      const unexpected = (takenEachTime[0] ?? []).filter((path) => takenEachTime.length === 3 && takenEachTime.every((taken) => taken.includes(path)) && !writable.includes(path.split('.')[0]!))
      if (unexpected.length) report.push(`${slug}: wrote ${unexpected.join(', ')}`)
    }
    expect(report).toEqual([])
  })

  it('a writer of Beta named in an Alpha order body is told nothing and cannot read the order', async () => {
    const outboxBefore = await t.payload.find({ collection: 'outbox', where: { 'payload.audience.user': { equals: ids.betaWriter } }, depth: 0, limit: 0 })
    const res = await t.api.post('/api/orders', { ...opts('client'), body: { ...ESSAY, deadlineHours: 96, pendingWriter: ids.betaWriter, writer: ids.betaWriter, status: 'pending_writer_acceptance' } })
    expect(res.status).toBe(201)
    const doc = await stored('orders', res.body.doc.id)
    expect(doc.pendingWriter).toBeNull()
    expect(doc.writer).toBeNull()
    // The order moves once it is paid; nobody outside its website hears of it.
    await t.api.post(`/api/orders/${doc.id}/actions/markPaid`, { ...opts('admin'), body: {} })
    const outboxAfter = await t.payload.find({ collection: 'outbox', where: { 'payload.audience.user': { equals: ids.betaWriter } }, depth: 0, limit: 0 })
    expect(outboxAfter.totalDocs).toBe(outboxBefore.totalDocs)
    const beta = await t.api.login('writer@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
    expect((await t.api.get(`/api/orders/${doc.id}`, { host: 'beta.test', token: beta })).status).toBe(404)
  })

  it('a client cannot set a writer deadline; staff placing for a client can', async () => {
    const asked = new Date(Date.now() + 2 * 3600 * 1000).toISOString()
    const client = await t.api.post('/api/orders', { ...opts('client'), body: { ...ESSAY, deadlineHours: 96, writerDeadline: asked } })
    expect(client.status).toBe(201)
    expect((await stored('orders', client.body.doc.id)).writerDeadline).not.toBe(asked)
    const staff = await t.api.post('/api/orders', { ...opts('support'), body: { ...ESSAY, deadlineHours: 96, client: ids.client, writerDeadline: asked } })
    expect(staff.status).toBe(201)
    expect(new Date((await stored('orders', staff.body.doc.id)).writerDeadline as string).toISOString()).toBe(asked)
  })
})

/** For each collection and role that may update: the document to update and samples for its writable fields. */
type UpdateTarget = () => Promise<{ id: number; token: string; samples: Record<string, unknown> }>
/** Staff of the website updating the test's document, each with values of their own. */
const onFixture = (roles: Role[], slug: string, field: string): Partial<Record<Role, UpdateTarget>> =>
  Object.fromEntries(roles.map((role) => [role, async () => ({ id: docs[slug]!, token: tokens[role], samples: { [field]: `Probe ${field} by ${role}` } })]))

const updateTargets: Record<string, Partial<Record<Role, UpdateTarget>>> = {
  // A website of its own: Alpha's slug and domains are what every other test logs in by.
  tenants: Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => {
        const slug = `probe-${stamp()}`
        const site = await t.payload.create({ collection: 'tenants', data: { name: 'Probe', slug, domains: [{ domain: `${slug}.test` }] } as never })
        const email = `admin-${slug}@probe.test`
        if (role === 'admin') await t.payload.create({ collection: 'users', data: { name: 'Probe admin', email, password: DEMO_PASSWORD, roles: ['admin'], tenants: [{ tenant: site.id }] } })
        const token = role === 'admin' ? await t.api.login(email, DEMO_PASSWORD, { host: `${slug}.test` }) : tokens.superadmin
        return { id: site.id, token, samples: { name: 'Probe Renamed', orderPrefix: 'PRB' } }
      },
    ]),
  ),
  'pricing-options': onFixture(['admin', 'superadmin'], 'pricing-options', 'label'),
  'writer-levels': onFixture(['admin', 'superadmin'], 'writer-levels', 'name'),
  'fine-types': onFixture(['admin', 'superadmin'], 'fine-types', 'name'),
  'special-order-configs': onFixture(['admin', 'superadmin'], 'special-order-configs', 'name'),
  'loyalty-rewards': onFixture(['admin', 'superadmin'], 'loyalty-rewards', 'name'),
  // Probed text is no time zone and no event key: those take real ones.
  // …nor are probed switches channels: a category of each role's own.
  'notification-preferences': Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ id: docs['notification-preferences']!, token: tokens[role], samples: { timeZone: role === 'admin' ? 'Europe/Paris' : 'Asia/Tokyo', channels: { [role === 'admin' ? 'payments' : 'fines']: { email: false } } } })]),
  ),
  'notification-templates': Object.fromEntries((['admin', 'superadmin'] as Role[]).map((role) => [role, async () => ({ id: docs['notification-templates']!, token: tokens[role], samples: { event: `order.probe_by_${role}`, subject: `Probe subject by ${role}` } })])),
  discounts: onFixture(['admin', 'superadmin'], 'discounts', 'name'),
  'discount-campaigns': onFixture(['admin', 'superadmin'], 'discount-campaigns', 'name'),
  'email-campaigns': onFixture(['admin', 'superadmin'], 'email-campaigns', 'subject'),
  media: onFixture(CONTENT_RIGHTS, 'media', 'alt'),
  posts: onFixture(CONTENT_RIGHTS, 'posts', 'title'),
  pages: onFixture(CONTENT_RIGHTS, 'pages', 'title'),
  authors: onFixture(CONTENT_RIGHTS, 'authors', 'name'),
  categories: onFixture(CONTENT_RIGHTS, 'categories', 'name'),
  tags: onFixture(CONTENT_RIGHTS, 'tags', 'name'),
  'order-files': onFixture(['superadmin', 'admin', 'editor', 'support'], 'order-files', 'note'),
  orders: Object.fromEntries(
    (['admin', 'superadmin'] as Role[]).map((role) => [
      role,
      async () => ({ id: (await placeOrderFor(t.payload, alpha, 'client@alpha.test')).id as number, token: tokens[role], samples: { topic: 'Probe topic', instructions: 'Probe instructions', filesReleased: true } }),
    ]),
  ),
  // Everyone edits their own profile: a fresh account per role, so no other test's login changes.
  users: Object.fromEntries(
    ROLES.map((role) => [
      role,
      async () => {
        const email = `profile-${role}-${Date.now()}@alpha.test`
        const user = await t.payload.create({ collection: 'users', data: { name: 'Profile', email, password: DEMO_PASSWORD, roles: [role], tenants: role === 'superadmin' ? [] : [{ tenant: alpha }] } })
        const token = await t.api.login(email, DEMO_PASSWORD, { host: 'alpha.test' })
        // One's own `email` is taken but held until the new address confirms (pendingEmail): int/emailVerification.
        const samples: Record<string, unknown> = { name: 'Probe Name', phone: '+44 20 0000 0000', timezone: 'Europe/Paris' }
        if (role === 'admin' || role === 'superadmin') samples.suspended = true
        return { id: user.id, token, samples }
      },
    ]),
  ),
}

describe('updating', () => {
  it.each(ROLES)('as %s: only the fields of the table change, in every collection', async (role) => {
    const report: string[] = []
    for (const slug of COLLECTIONS()) {
      const writable = WRITES[slug]?.update?.[role]
      if (!writable) {
        const id = docs[slug] ?? (slug === 'users' ? ids.client : null)
        if (!id) continue
        const before = await stored(slug, id)
        const res = await t.api.patch(`/api/${slug}/${id}`, { ...opts(role), body: probes(slug, []) })
        const after = await stored(slug, id)
        if (![403, 404].includes(res.status) || JSON.stringify(after) !== JSON.stringify(before)) report.push(`${slug}: ${res.status}${JSON.stringify(after) !== JSON.stringify(before) ? ', changed' : ''}`)
        continue
      }
      const target = await updateTargets[slug]![role]!()
      const body = { ...probes(slug, writable), ...target.samples }
      const before = await stored(slug, target.id)
      const res = await t.api.patch(`/api/${slug}/${target.id}`, { host: 'alpha.test', token: target.token, body })
      if (res.status !== 200) {
        report.push(`${slug}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
        continue
      }
      const doc = await stored(slug, target.id)
      // Taken from the body: now as sent, and not so before.
      const taken = written(body, doc).filter((path) => !written(body, before).includes(path))
      const unexpected = taken.filter((path) => !writable.includes(path.split('.')[0]!))
      // A JSON sample is compared leaf by leaf (`channels.fines.email`).
      const missing = Object.keys(target.samples).filter((key) => !taken.some((path) => path === key || path.startsWith(`${key}.`)))
      if (unexpected.length) report.push(`${slug}: wrote ${unexpected.join(', ')}`)
      if (missing.length) report.push(`${slug}: ignored ${missing.join(', ')}`)
    }
    expect(report).toEqual([])
  })
})

it('an order file takes its order, purpose and note from the body and nothing else', async () => {
  const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
  const form = new FormData()
  const data = textFile('brief')
  form.append('file', new Blob([data], { type: 'text/plain' }), 'brief.txt')
  form.append('_payload', JSON.stringify({ order: order.id, purpose: 'instructions', note: 'Read me', uploadedBy: ids.betaWriter, revisionRequest: 1, createdAt: '2001-01-01T00:00:00.000Z' }))
  const res = await t.api.post('/api/order-files', { ...opts('client'), body: form })
  expect(res.status).toBe(201)
  const doc = await stored('order-files', res.body.doc.id)
  expect(doc).toMatchObject({ order: order.id, purpose: 'instructions', note: 'Read me', uploadedBy: ids.client, revisionRequest: null })
  expect(new Date(doc.createdAt as string).getUTCFullYear()).not.toBe(2001)
})
