import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import nodePath from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { poolOf } from '@/db/pool'
import { developmentKeyRing } from '@/domain/credentials/keyRing'
import { DEV_PAYLOAD_SECRET } from '@/env'
import { reencryptCredentials } from '@/operations/credentials/reencrypt'
import { credentialKeyRing } from '@/security/credentialKeys'
import { resetRateLimits } from '@/security/rateLimits'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { assignedClassFor } from '../helpers/classOrders'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let alpha: number
let beta: number
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

const KEY_A = randomBytes(32).toString('base64')
const KEY_B = randomBytes(32).toString('base64')
// The seed sealed the demo classes' logins with the development key (no CREDENTIALS_KEY when the template was made).
const DEV_KEY = developmentKeyRing(process.env.PAYLOAD_SECRET || DEV_PAYLOAD_SECRET).current.key.toString('base64')
const PASSWORD = `portal-pass-${randomBytes(6).toString('hex')}`
const secrets = { username: 'student.4711', password: PASSWORD, portalUrl: 'https://lms.state.example.edu/login', notes: 'Security question: first pet is Rex' }

/** Everything Payload's logger was handed during the file, to search for the secret. */
const logged: string[] = []
let classId: number
let otherClassId: number
let betaClassId: number

const rows = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await poolOf(t.payload)!.query<R>(text, values)).rows

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = `A:${KEY_A},dev:${DEV_KEY}`
  t = await startTestPayload()
  for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const) {
    const original = t.payload.logger[level].bind(t.payload.logger)
    vi.spyOn(t.payload.logger, level).mockImplementation(((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' '))
      return (original as (...a: unknown[]) => void)(...args)
    }) as never)
  }
  const site = async (slug: string) => (await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, depth: 0 })).docs[0]!.id
  alpha = await site('alpha')
  beta = await site('beta')
  for (const [name, email] of Object.entries({
    client: 'client@alpha.test',
    client2: 'client2@alpha.test',
    writer: 'writer@alpha.test',
    writer2: 'writer2@alpha.test',
    admin: 'admin@alpha.test',
    support: 'support@alpha.test',
    editor: 'editor@alpha.test',
    betaClient: 'client@beta.test',
    betaAdmin: 'admin@beta.test',
    betaWriter: 'writer@beta.test',
  })) {
    const host = email.endsWith('beta.test') ? BETA : ALPHA
    tokens[name] = await t.api.login(email, DEMO_PASSWORD, host)
    ids[name] = (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]!.id
  }
  // The client's class worked by writer; another class of the same client assigned to writer2.
  classId = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })).id
  otherClassId = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer2, status: 'assigned' })).id
  betaClassId = (await assignedClassFor(t.payload, beta, { client: ids.betaClient, writer: ids.betaWriter, status: 'assigned' })).id
})

afterAll(async () => {
  vi.restoreAllMocks()
  await t?.close()
  delete process.env.CREDENTIALS_KEY
})

const path = (id: number) => `/api/class-orders/${id}/credentials`
const view = (who: string, id = classId, extra: { reason?: string; header?: string; host?: { host: string } } = {}) =>
  t.api.get(`${path(id)}${extra.reason !== undefined ? `?reason=${encodeURIComponent(extra.reason)}` : ''}`, {
    ...(extra.host ?? (who.startsWith('beta') ? BETA : ALPHA)),
    token: tokens[who],
    headers: extra.header ? { 'x-access-reason': extra.header } : undefined,
  })
const store = (who: string, body: unknown, id = classId, reason?: string) =>
  t.api.raw('PUT', `${path(id)}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`, { ...(who.startsWith('beta') ? BETA : ALPHA), token: tokens[who], body }).then(async (r) => ({ status: r.status, body: await r.json(), headers: r.headers }))
const viewsOf = (id: number) => rows<{ viewer_id: number; role: string; outcome: string; answer: string; reason: string | null }>('SELECT viewer_id, role, outcome, answer, reason FROM class_access_views WHERE class_order_id = $1 ORDER BY id', [id])
const auditViewsOf = (id: number) => rows<{ actor: number; changes: Record<string, unknown> }>("SELECT actor, changes FROM audit_events WHERE action = 'credentials.view' AND target_collection = 'class-orders' AND target_id = $1 ORDER BY id", [String(id)])

describe('storing', () => {
  it('the client stores them (201), replaces them (200); the answer never holds the secret and is not cached', async () => {
    const first = await store('client', { ...secrets, password: 'first-version', twoFactorWindow: 'Weekdays 9–17 US/Eastern' })
    expect(first.status).toBe(201)
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.body).toMatchObject({ classOrder: classId, stored: true, keyId: 'A', twoFactorWindow: 'Weekdays 9–17 US/Eastern', credentials: null })
    const again = await store('client', secrets)
    expect(again.status).toBe(200)
    expect(JSON.stringify(again.body)).not.toContain(PASSWORD)
    const [row] = await rows<{ key_id: string; credentials_ciphertext: string }>('SELECT key_id, credentials_ciphertext FROM class_access WHERE class_order_id = $1', [classId])
    expect(row!.key_id).toBe('A')
    expect(row!.credentials_ciphertext).not.toContain(PASSWORD)
    expect(Buffer.from(row!.credentials_ciphertext, 'base64').toString('utf8')).not.toContain(PASSWORD)
  })

  it('a bad body is a 400 naming each field, nothing written', async () => {
    const before = await rows('SELECT updated_at FROM class_access WHERE class_order_id = $1', [classId])
    const bad = await store('client', { username: '', portalUrl: 'ftp://x', colour: 'red' })
    expect(bad.status).toBe(400)
    const paths = (bad.body.errors[0].data.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'portalUrl']))
    expect(await rows('SELECT updated_at FROM class_access WHERE class_order_id = $1', [classId])).toEqual(before)
  })

  it('the writer may not store them (403); support only with a reason (400 naming reason, then 200)', async () => {
    expect((await store('writer', secrets)).status).toBe(403)
    const noReason = await store('support', secrets, otherClassId)
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].data.errors[0].path).toBe('reason')
    const withReason = await store('support', { ...secrets, password: `${PASSWORD}-other` }, otherClassId, 'Client sent them by phone, ticket 42')
    expect(withReason.status).toBe(201)
    const why = await rows<{ actor: number; changes: Record<string, unknown> }>("SELECT actor::int AS actor, changes FROM audit_events WHERE action = 'credentials.store' AND target_id = $1", [String(otherClassId)])
    expect(why).toEqual([{ actor: ids.support, changes: { reason: 'Client sent them by phone, ticket 42', replaced: false } }])
  })

  it('two first stores at once: one creates (201), the other replaces (200), one row', async () => {
    const fresh = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'assigned' })).id
    const answers = await Promise.all([store('client', { ...secrets, password: 'racer-one' }, fresh), store('client', { ...secrets, password: 'racer-two' }, fresh)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201])
    expect(await rows('SELECT id FROM class_access WHERE class_order_id = $1', [fresh])).toHaveLength(1)
  })
})

describe('reading', () => {
  it('the assigned writer reads the plaintext, uncached', async () => {
    const res = await view('writer')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body.credentials).toEqual(secrets)
  })

  it("unreadable to the client's other writer and to writers of other classes (404: they cannot see the class)", async () => {
    // writer2 works another class of the same client.
    expect((await view('writer2')).status).toBe(404)
    expect((await view('betaWriter', classId, { host: ALPHA })).status).toBe(404)
    // And the writer of this class cannot read writer2's.
    expect((await view('writer', otherClassId)).status).toBe(404)
  })

  it('support without a reason → 400 naming reason; with one (query or header) → 200; an editor cannot see the class (404)', async () => {
    const refused = await view('support')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors[0].path).toBe('reason')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect((await view('support', classId, { reason: 'Writer says the login fails' })).body.credentials).toEqual(secrets)
    expect((await view('admin', classId, { header: 'Checking the portal for the client' })).body.credentials.password).toBe(PASSWORD)
    expect((await view('editor')).status).toBe(404)
  })

  it('the client sees that they are stored, never the password back', async () => {
    const res = await view('client')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ stored: true, credentials: null })
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD)
    // Another client of the website cannot see the class at all.
    expect((await view('client2')).status).toBe(404)
  })

  it('a Beta class’s credentials are invisible from Alpha (404)', async () => {
    expect((await store('betaClient', { ...secrets, password: `${PASSWORD}-beta` }, betaClassId)).status).toBe(201)
    expect((await view('admin', betaClassId, { reason: 'Looking across websites' })).status).toBe(404)
    expect((await view('client', betaClassId)).status).toBe(404)
    expect((await view('betaAdmin', betaClassId, { reason: 'Checking the portal login' })).status).toBe(200)
  })

  it('every view is in the access log and the audit trail, with who, as whom, why and how it ended', async () => {
    const log = await viewsOf(classId)
    expect(log.map((r) => [r.viewer_id, r.role, r.outcome, Number(r.answer)])).toEqual(
      expect.arrayContaining([
        [ids.writer, 'writer', 'granted', 200],
        [ids.support, 'support', 'refused', 400],
        [ids.support, 'support', 'granted', 200],
        [ids.admin, 'admin', 'granted', 200],
      ]),
    )
    expect(log.find((r) => r.viewer_id === ids.support && r.outcome === 'granted')!.reason).toBe('Writer says the login fails')
    // Who cannot see the class leaves no row (for them it does not exist); the client's check is not a view.
    expect(log.some((r) => [ids.writer2, ids.editor, ids.client, ids.client2].includes(r.viewer_id))).toBe(false)
    const audit = await auditViewsOf(classId)
    expect(audit).toHaveLength(log.length)
    expect(audit.map((r) => r.changes.outcome)).toEqual(log.map((r) => r.outcome))
  })

  it('the 11th view within a minute by the same viewer → 429 with Retry-After, logged as throttled', async () => {
    resetRateLimits()
    const throttledClass = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })).id
    expect((await store('client', secrets, throttledClass)).status).toBe(201)
    for (let i = 0; i < 10; i += 1) expect((await view('writer', throttledClass)).status).toBe(200)
    const eleventh = await view('writer', throttledClass)
    expect(eleventh.status).toBe(429)
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(eleventh.headers.get('cache-control')).toBe('no-store')
    const log = await viewsOf(throttledClass)
    expect(log.map((r) => r.outcome)).toEqual([...Array<string>(10).fill('granted'), 'throttled'])
    expect((await auditViewsOf(throttledClass)).at(-1)!.changes).toMatchObject({ outcome: 'throttled', answer: 429 })
    // Counted per viewer: an admin with a reason still reads.
    expect((await view('admin', throttledClass, { reason: 'Throttle check by admin' })).status).toBe(200)
  })

  it('a paused class is closed to its writer (409, logged as refused)', async () => {
    const paused = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })).id
    expect((await store('client', secrets, paused)).status).toBe(201)
    await t.payload.update({ collection: 'class-orders', id: paused, data: { status: 'paused' }, depth: 0 })
    expect((await view('writer', paused)).status).toBe(409)
    expect((await viewsOf(paused)).map((r) => r.outcome)).toEqual(['refused'])
  })
})

describe('never shown anywhere else', () => {
  it('GET /api/class-access shows staff that a record exists, without the secret; nobody else sees rows', async () => {
    const list = await t.api.get('/api/class-access?depth=0&limit=100', { ...ALPHA, token: tokens.admin })
    expect(list.status).toBe(200)
    const mine = list.body.docs.find((d: { classOrder: number }) => d.classOrder === classId)
    expect(mine).toMatchObject({ keyId: 'A', twoFactorWindow: null })
    for (const doc of list.body.docs) for (const key of Object.keys(doc)) expect(key).not.toMatch(/^credentials/)
    expect(JSON.stringify(list.body)).not.toContain(PASSWORD)
    const one = await t.api.get(`/api/class-access/${mine.id}?depth=2`, { ...ALPHA, token: tokens.support })
    expect(one.status).toBe(200)
    expect(JSON.stringify(one.body)).not.toContain(PASSWORD)
    expect(Object.keys(one.body).some((key) => key.startsWith('credentials'))).toBe(false)
    for (const who of ['client', 'writer']) expect((await t.api.get('/api/class-access', { ...ALPHA, token: tokens[who] })).body.docs).toEqual([])
    // Beta's row is not Alpha's admin's.
    expect(list.body.docs.some((d: { classOrder: number }) => d.classOrder === betaClassId)).toBe(false)
  })

  it('GET /api/class-orders (list and by id, with depth) never holds them', async () => {
    for (const who of ['admin', 'writer', 'client']) {
      const list = await t.api.get('/api/class-orders?depth=2&limit=100', { ...ALPHA, token: tokens[who] })
      expect(list.status).toBe(200)
      expect(JSON.stringify(list.body)).not.toContain(PASSWORD)
      const one = await t.api.get(`/api/class-orders/${classId}?depth=2`, { ...ALPHA, token: tokens[who] })
      expect(JSON.stringify(one.body)).not.toContain(PASSWORD)
    }
  })

  it('GraphQL answers the sealed parts as null (Payload keeps hidden fields in its types), and never holds the secret', async () => {
    const type = await t.api.graphql('{ __type(name: "ClassAccess") { fields { name } } }', { ...ALPHA, token: tokens.admin })
    const names = (type.body.data.__type.fields as { name: string }[]).map((f) => f.name)
    expect(names).toEqual(expect.arrayContaining(['id', 'keyId', 'classOrder']))
    // No field could hold the plaintext: only the three sealed parts, all hidden.
    expect(names.filter((n) => /credential|cipher|password|username/i.test(n)).sort()).toEqual(['credentialsCiphertext', 'credentialsIv', 'credentialsTag'])
    for (const who of ['admin', 'support']) {
      const asked = await t.api.graphql('{ ClassAccesses(limit: 100) { docs { id keyId credentialsIv credentialsTag credentialsCiphertext } } }', { ...ALPHA, token: tokens[who] })
      expect(asked.body.errors).toBeUndefined()
      const docs = asked.body.data.ClassAccesses.docs as Record<string, unknown>[]
      expect(docs.length).toBeGreaterThan(0)
      for (const doc of docs) expect([doc.credentialsIv, doc.credentialsTag, doc.credentialsCiphertext]).toEqual([null, null, null])
    }
    const listed = await t.api.graphql('{ ClassAccesses { docs { id keyId classOrder { id title } } } ClassOrders { docs { id title } } }', { ...ALPHA, token: tokens.admin })
    expect(listed.body.errors).toBeUndefined()
    expect(JSON.stringify(listed.body)).not.toContain(PASSWORD)
    const forWriter = await t.api.graphql('{ ClassAccesses { docs { id credentialsCiphertext } } }', { ...ALPHA, token: tokens.writer })
    expect(forWriter.body.data.ClassAccesses.docs).toEqual([])
  })

  it('the audit trail records the writes and views, never the secret or its ciphertext', async () => {
    const [sealed] = await rows<{ credentials_ciphertext: string }>('SELECT credentials_ciphertext FROM class_access WHERE class_order_id = $1', [classId])
    const trail = await rows<{ action: string; target_collection: string; changes: unknown }>(
      "SELECT action, target_collection, changes FROM audit_events WHERE target_collection IN ('class-access', 'class-orders', 'class-access-views') OR action LIKE 'credentials.%'",
    )
    expect(trail.some((r) => r.target_collection === 'class-access' && r.action === 'create')).toBe(true)
    const text = JSON.stringify(trail)
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain('first-version')
    expect(text).not.toContain(sealed!.credentials_ciphertext)
    expect(text).not.toContain(secrets.username)
  })

  it('the server log never holds the secret', () => {
    expect(logged.length).toBeGreaterThan(0)
    const text = logged.join('\n')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain('first-version')
    expect(text).not.toContain(KEY_A)
  })
})

describe('removing', () => {
  it('the writer may not (403); the client may; then there is nothing to read (404)', async () => {
    expect((await t.api.delete(path(classId), { ...ALPHA, token: tokens.writer })).status).toBe(403)
    expect((await t.api.delete(path(classId), { ...ALPHA, token: tokens.support })).status).toBe(403)
    const removed = await t.api.delete(path(classId), { ...ALPHA, token: tokens.client })
    expect(removed.status).toBe(200)
    expect(await rows('SELECT id FROM class_access WHERE class_order_id = $1', [classId])).toEqual([])
    expect((await view('writer')).status).toBe(404)
    expect((await t.api.delete(path(classId), { ...ALPHA, token: tokens.admin })).status).toBe(404)
  })
})

describe('key rotation', () => {
  it('sealed under A; with B,A it still opens; re-encrypt moves every row to B (idempotent); with A removed it opens', async () => {
    resetRateLimits()
    const rotating = (await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })).id
    expect((await store('client', secrets, rotating)).status).toBe(201)
    const keyOf = async () => (await rows<{ key_id: string }>('SELECT key_id FROM class_access WHERE class_order_id = $1', [rotating]))[0]!.key_id
    expect(await keyOf()).toBe('A')
    const n = (await rows<{ n: string }>('SELECT count(*) AS n FROM class_access'))[0]!.n

    // The seeded demo logins are under the development key: rotated away from too.
    expect((await rows<{ key_id: string }>('SELECT DISTINCT key_id FROM class_access ORDER BY key_id')).map((r) => r.key_id)).toEqual(['A', 'dev'])
    process.env.CREDENTIALS_KEY = `B:${KEY_B},A:${KEY_A},dev:${DEV_KEY}`
    expect((await view('writer', rotating)).body.credentials).toEqual(secrets)
    const progress: number[] = []
    const report = await reencryptCredentials(poolOf(t.payload)!, credentialKeyRing(), { batchSize: 1, progress: (so) => progress.push(so.examined) })
    expect(report).toEqual({ examined: Number(n), reencrypted: Number(n), alreadyCurrent: 0, failed: 0 })
    expect(progress).toEqual(Array.from({ length: Number(n) }, (_, i) => i + 1))
    expect(await keyOf()).toBe('B')
    expect(await reencryptCredentials(poolOf(t.payload)!, credentialKeyRing())).toEqual({ examined: Number(n), reencrypted: 0, alreadyCurrent: Number(n), failed: 0 })

    process.env.CREDENTIALS_KEY = `B:${KEY_B}`
    expect((await rows<{ key_id: string }>('SELECT DISTINCT key_id FROM class_access')).map((r) => r.key_id)).toEqual(['B'])
    expect((await view('writer', rotating)).body.credentials).toEqual(secrets)
    expect((await view('support', otherClassId, { reason: 'After the rotation' })).body.credentials.password).toBe(`${PASSWORD}-other`)
  })

  it('a row whose key left the ring is counted as failed and left alone', async () => {
    process.env.CREDENTIALS_KEY = `C:${randomBytes(32).toString('base64')}`
    const failures: number[] = []
    const report = await reencryptCredentials(poolOf(t.payload)!, credentialKeyRing(), { failure: (row) => failures.push(row) })
    expect(report.failed).toBe(report.examined)
    expect(report.reencrypted).toBe(0)
    expect(failures).toHaveLength(report.examined)
    expect((await rows<{ key_id: string }>('SELECT DISTINCT key_id FROM class_access')).map((r) => r.key_id)).toEqual(['B'])
    process.env.CREDENTIALS_KEY = `B:${KEY_B}`
  })

  it('npm run credentials:reencrypt does it as an operator runs it: progress, counts, idempotent; a bad key is one line naming the variable', async () => {
    const n = Number((await rows<{ n: string }>('SELECT count(*) AS n FROM class_access'))[0]!.n)
    const keyD = randomBytes(32).toString('base64')
    const run = (credentialsKey: string) =>
      new Promise<{ code: number; out: string; err: string }>((resolve) => {
        execFile('npm', ['run', '--silent', 'credentials:reencrypt'], { cwd: nodePath.resolve(__dirname, '../..'), env: { ...process.env, DATABASE_URL: t.databaseUrl, CREDENTIALS_KEY: credentialsKey } }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
        )
      })
    const first = await run(`D:${keyD},B:${KEY_B}`)
    expect(first.code).toBe(0)
    expect(first.out).toContain('sealing under key D')
    expect(first.out).toContain(`examined ${n}, re-encrypted ${n}, already current 0, failed 0`)
    const again = await run(`D:${keyD},B:${KEY_B}`)
    expect(again.out).toContain(`examined ${n}, re-encrypted 0, already current ${n}, failed 0`)
    expect(`${first.out}${again.out}`).not.toContain(PASSWORD)
    const bad = await run(`D:${randomBytes(31).toString('base64')}`)
    expect(bad.code).toBe(1)
    expect(bad.err.trim().split('\n')).toEqual([expect.stringMatching(/^Environment variable CREDENTIALS_KEY is invalid: entry 1 \(D\): the key must be exactly 32 bytes/)])
    process.env.CREDENTIALS_KEY = `D:${keyD}`
    expect((await view('writer', otherClassId, {})).status).toBe(404)
    expect((await view('support', otherClassId, { reason: 'After the second rotation' })).body.credentials.password).toBe(`${PASSWORD}-other`)
  }, 120_000)
})
