import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { WORKFLOW_COLLECTIONS } from '@/domain/workflow/collections'
import { actionNames } from '@/domain/workflow/define'
import { subjectOf } from '@/operations/workflow/registry'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { rowCounts } from '../helpers/rowCounts'
import { isolationFixtures, PLATFORM_COLLECTIONS, tenantScopedCollections } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The tenant isolation matrix: for every tenant-scoped collection and every role of
 * website Alpha (and an anonymous visitor on Alpha's host), Beta's documents cannot be
 * listed, read, counted, updated or deleted, over REST and GraphQL, and every answer is
 * the one a document that does not exist gets: nothing confirms that Beta's is there.
 */

const ALPHA_HOST = 'alpha.test'
const MISSING_ID = 987654
const ROLES = ['admin', 'editor', 'support', 'content', 'writer', 'client', 'anonymous'] as const

let t: TestContext
let alphaId: number
let betaId: number
const tokens: Partial<Record<(typeof ROLES)[number], string>> = {}
const betaDocs: Record<string, number> = {}
const alphaDocs: Record<string, number> = {}

beforeAll(async () => {
  t = await startTestPayload()
  const { docs } = await t.payload.find({ collection: 'tenants', sort: 'slug', depth: 0 })
  alphaId = docs.find((d) => d.slug === 'alpha')!.id
  betaId = docs.find((d) => d.slug === 'beta')!.id
  for (const role of ROLES) {
    if (role !== 'anonymous') tokens[role] = await t.api.login(`${role}@alpha.test`, DEMO_PASSWORD, { host: ALPHA_HOST })
  }
  for (const [slug, fixture] of Object.entries(isolationFixtures)) {
    betaDocs[slug] = await fixture.documentOf(t.payload, betaId)
    // Alpha has one too, so that "empty" answers are not empty merely for lack of data.
    alphaDocs[slug] = await fixture.documentOf(t.payload, alphaId)
  }
})
afterAll(async () => t?.close())

const collections = () => tenantScopedCollections(t.payload.config.collections)

describe('the matrix covers every collection', () => {
  it('finds the tenant-scoped collections from the config and has a fixture for each', () => {
    const scoped = collections()
    expect(scoped).toEqual(expect.arrayContaining(['tenants', 'users', 'media']))
    for (const slug of scoped) expect(isolationFixtures, `add an isolation fixture for "${slug}"`).toHaveProperty(slug)
  })
  it('every other collection is a declared platform collection', () => {
    const scoped = collections()
    const others = t.payload.config.collections.map((c) => c.slug).filter((slug) => !scoped.includes(slug))
    for (const slug of others) expect(PLATFORM_COLLECTIONS, `"${slug}" is neither tenant-scoped nor declared platform-wide`).toContain(slug)
  })
})

describe.each(Object.keys(isolationFixtures))('%s', (slug) => {
  describe.each(ROLES)('as %s of Alpha', (role) => {
    const opts = () => ({ host: ALPHA_HOST, token: tokens[role] })
    const snapshot = () => t.payload.findByID({ collection: slug as 'media', id: betaDocs[slug]!, depth: 0 })

    it('REST: list, read and count see nothing of Beta, exactly as for a missing document', async () => {
      const beta = betaDocs[slug]!
      const all = await t.api.get(`/api/${slug}?limit=100&depth=0`, opts())
      if (all.status === 200) expect(all.body.docs.map((d: { id: number }) => d.id)).not.toContain(beta)
      else expect(all.status).toBe(403)

      const listed = await t.api.get(`/api/${slug}?where[id][equals]=${beta}&depth=0`, opts())
      const listedMissing = await t.api.get(`/api/${slug}?where[id][equals]=${MISSING_ID}&depth=0`, opts())
      expect(listed).toMatchObject({ status: listedMissing.status, body: listedMissing.body })
      if (listed.status === 200) expect(listed.body.totalDocs).toBe(0)

      const read = await t.api.get(`/api/${slug}/${beta}?depth=0`, opts())
      const readMissing = await t.api.get(`/api/${slug}/${MISSING_ID}?depth=0`, opts())
      expect(read).toMatchObject({ status: readMissing.status, body: readMissing.body })
      expect([403, 404]).toContain(read.status)
      if (role !== 'anonymous') expect(read.status).toBe(404)

      const counted = await t.api.get(`/api/${slug}/count?where[id][equals]=${beta}`, opts())
      const countedMissing = await t.api.get(`/api/${slug}/count?where[id][equals]=${MISSING_ID}`, opts())
      expect(counted).toMatchObject({ status: countedMissing.status, body: countedMissing.body })
      if (counted.status === 200) expect(counted.body.totalDocs).toBe(0)
    })

    it('REST: update and delete are refused like a missing document and change nothing', async () => {
      const beta = betaDocs[slug]!
      const before = await snapshot()
      const patch = isolationFixtures[slug]!.patch

      const updated = await t.api.patch(`/api/${slug}/${beta}`, { ...opts(), body: patch })
      const updatedMissing = await t.api.patch(`/api/${slug}/${MISSING_ID}`, { ...opts(), body: patch })
      expect(updated).toMatchObject({ status: updatedMissing.status, body: updatedMissing.body })
      expect([403, 404]).toContain(updated.status)

      const deleted = await t.api.delete(`/api/${slug}/${beta}`, opts())
      const deletedMissing = await t.api.delete(`/api/${slug}/${MISSING_ID}`, opts())
      expect(deleted).toMatchObject({ status: deletedMissing.status, body: deletedMissing.body })
      expect([403, 404]).toContain(deleted.status)

      // Bulk forms, where[] instead of an id, reach nothing either.
      const bulk = await t.api.patch(`/api/${slug}?where[id][equals]=${beta}`, { ...opts(), body: patch })
      if (bulk.status === 200) expect(bulk.body.docs).toEqual([])

      expect(await snapshot()).toEqual(before)
    })

    it('GraphQL: read, list, count, update and delete answer as for a missing document', async () => {
      const beta = betaDocs[slug]!
      const before = await snapshot()
      const g = isolationFixtures[slug]!.graphql
      const field = Object.keys(isolationFixtures[slug]!.patch)[0]!
      const ask = async (query: string, id: number) => {
        const res = await t.api.graphql(query, { ...opts(), variables: { id } })
        // 400 when GraphQL's validation refuses the document (a patch value outside an enum).
        expect([200, 400]).toContain(res.status)
        // Compare what a client could learn: status, data and error messages, not stack positions.
        return { status: res.status, data: res.body.data, errors: (res.body.errors ?? []).map((e: { message: string }) => e.message) }
      }
      const queries = [
        `query($id: Int!) { ${g.one}(id: $id) { id } }`,
        `query($id: Int!) { ${g.many}(where: { id: { equals: $id } }) { totalDocs docs { id } } }`,
        `query($id: Int!) { ${g.count}(where: { id: { equals: $id } }) { totalDocs } }`,
        `mutation($id: Int!) { ${g.update}(id: $id, data: { ${field}: "Hijacked" }) { id } }`,
        `mutation($id: Int!) { ${g.delete}(id: $id) { id } }`,
      ]
      for (const query of queries) {
        const forBeta = await ask(query, beta)
        const forMissing = await ask(query, MISSING_ID)
        expect(forBeta, query).toEqual(forMissing)
        expect(JSON.stringify(forBeta.data ?? {})).not.toContain(`"id":${beta}`)
      }
      expect(await snapshot()).toEqual(before)
    })
  })
})

/**
 * The workflow fields of GraphQL (issue 12) enforce what the REST actions routes do:
 * every role of Alpha (and anonymous) gets, for Beta's record, the answer a missing
 * record gets; for Alpha's records, every refusal over GraphQL is the REST route's
 * refusal (status and message), so a writer cannot take an admin's action there either.
 */
describe('workflow actions over GraphQL', () => {
  /** The GraphQL names of each workflow collection's fields, found by what they describe. */
  const fieldNames = async () => {
    const res = await t.api.graphql('{ __schema { queryType { fields { name description } } mutationType { fields { name description } } } }', { host: ALPHA_HOST, token: tokens.admin })
    const find = (fields: { name: string; description: string | null }[], prefix: string) => fields.find((f) => f.description?.startsWith(prefix))?.name
    return Object.fromEntries(
      WORKFLOW_COLLECTIONS.map((collection) => [
        collection,
        { query: find(res.body.data.__schema.queryType.fields, `GET /api/${collection}/:id/actions`)!, mutation: find(res.body.data.__schema.mutationType.fields, `POST /api/${collection}/:id/actions/:action`)! },
      ]),
    )
  }
  // Every role × every action of the record, twice each: orders have many actions, and a busy machine takes longer than the default.
  const WALK_TIMEOUT = 180_000
  const errorOf = (res: { status: number; body: { errors?: { message: string; extensions?: { statusCode?: number } }[] } }) => {
    const error = res.body.errors?.[0]
    return error ? { status: error.extensions?.statusCode ?? res.status, message: error.message } : null
  }

  it.each(WORKFLOW_COLLECTIONS)('%s: Beta\'s record is a missing record to every role of Alpha, and nothing changes', async (collection) => {
    const names = (await fieldNames())[collection]!
    expect(names.query && names.mutation).toBeTruthy()
    const beta = betaDocs[collection]!
    const before = await t.payload.findByID({ collection, id: beta, depth: 0 })
    for (const role of ROLES) {
      const opts = { host: ALPHA_HOST, token: tokens[role] }
      const list = async (id: number) => errorOf(await t.api.graphql(`query($id: Int!) { ${names.query}(id: $id) { available { action } } }`, { ...opts, variables: { id } }))
      const listed = await list(beta)
      expect(listed, `${role} lists ${collection} actions`).toEqual(await list(MISSING_ID))
      expect(listed!.status).toBe(role === 'anonymous' ? 401 : 404)
      expect(listed!.status).toBe((await t.api.get(`/api/${collection}/${beta}/actions`, opts)).status)
      for (const action of actionNames(subjectOf(collection).workflow)) {
        const perform = async (id: number) => errorOf(await t.api.graphql(`mutation($id: Int!) { ${names.mutation}(id: $id, action: ${action}, input: {}) { event } }`, { ...opts, variables: { id } }))
        const performed = await perform(beta)
        expect(performed, `${role} ${action} on ${collection}`).toEqual(await perform(MISSING_ID))
        const rest = await t.api.post(`/api/${collection}/${beta}/actions/${action}`, { ...opts, body: {} })
        expect(performed).toEqual({ status: rest.status, message: rest.body.errors[0].message })
      }
    }
    expect(await t.payload.findByID({ collection, id: beta, depth: 0 })).toEqual(before)
  }, WALK_TIMEOUT)

  it.each(WORKFLOW_COLLECTIONS)('%s: on Alpha\'s record every GraphQL refusal is the REST refusal', async (collection) => {
    const names = (await fieldNames())[collection]!
    const alpha = alphaDocs[collection]!
    const seen = new Set<number>()
    for (const role of ROLES) {
      const opts = { host: ALPHA_HOST, token: tokens[role] }
      for (const action of actionNames(subjectOf(collection).workflow)) {
        const res = await t.api.graphql(`mutation($id: Int!) { ${names.mutation}(id: $id, action: ${action}, input: {}) { event } }`, { ...opts, variables: { id: alpha } })
        const refused = errorOf(res)
        // Performed: the record moved on, so REST would be asked about another state.
        if (!refused) continue
        seen.add(refused.status)
        const rest = await t.api.post(`/api/${collection}/${alpha}/actions/${action}`, { ...opts, body: {} })
        expect(refused, `${role} ${action} on ${collection}`).toEqual({ status: rest.status, message: rest.body.errors[0].message })
      }
    }
    // Anonymous is refused as such, and some role is refused for not being the action's.
    expect(seen).toContain(401)
    expect([...seen].some((status) => status === 403 || status === 404)).toBe(true)
  }, WALK_TIMEOUT)
})

/**
 * The money mutations of GraphQL (issue 12) run the REST routes' commands: on Beta's
 * records every role of Alpha gets what a missing record gets, the REST route's answer,
 * and nothing is written.
 */
describe('money mutations over GraphQL', () => {
  const MUTATIONS = [
    { collection: 'orders', field: 'refundOrder', path: 'refunds', input: { amount: 100, destination: 'wallet', reason: 'Isolation' } },
    { collection: 'wallets', field: 'adjustWallet', path: 'adjust', input: { direction: 'credit', amount: 100, reason: 'Isolation' } },
    { collection: 'payments', field: 'confirmPayment', path: 'confirm', input: { bankReference: 'ISOLATION' } },
  ] as const

  it.each(MUTATIONS)('$field on Beta\'s $collection record', async ({ collection, field, path, input }) => {
    const before = await rowCounts(t.payload)
    const beta = betaDocs[collection]!
    for (const role of ROLES) {
      const opts = { host: ALPHA_HOST, token: tokens[role] }
      const ask = async (id: number) => {
        const res = await t.api.graphql(`mutation($id: Int!, $input: JSON!) { ${field}(id: $id, input: $input) }`, { ...opts, variables: { id, input } })
        const error = res.body.errors?.[0]
        return error ? { status: error.extensions?.statusCode ?? res.status, message: error.message } : { status: 200, message: 'performed' }
      }
      const answered = await ask(beta)
      expect(answered, `${role}: ${field} on Beta's ${collection}`).toEqual(await ask(MISSING_ID))
      expect(answered.status, role).toBeGreaterThanOrEqual(400)
      const rest = await t.api.post(`/api/${collection}/${beta}/${path}`, { ...opts, body: input })
      expect(answered, `${role}: as over REST`).toEqual({ status: rest.status, message: rest.body.errors[0].message })
    }
    expect(await rowCounts(t.payload)).toEqual(before)
  })
})
