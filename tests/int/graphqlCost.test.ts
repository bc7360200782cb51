import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolOf } from '@/db/pool'
import { logStatements, type StatementLog } from '@/db/statementLog'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { websiteId } from '../helpers/newPerson'
import { isolationFixtures, placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * What a GraphQL request costs beyond its REST twin (docs/bench.md, graphql-orders).
 *
 * GraphQL's document queries read only the fields a query names unless it says
 * `select: false` (src/api/graphql/selectByDefault.ts), and a selection — there or in a
 * REST `select` — never changes what a field answers: the fields that read rules and
 * read hooks look at are read whatever is selected (the collections' `forceSelect`).
 *
 * The permission queries answer each field's permissions as one JSON object
 * (src/api/graphql/compactPermissions.ts): graphql-js lists every type name of the
 * schema on each request, and typed per field they were 14,000 of 16,652.
 */

const ALPHA = { host: 'alpha.test' }
let t: TestContext
let alpha: number
let sql: StatementLog
let orderId: number
let discountId: number
const tokens: Record<string, string> = {}

const login = async (email: string) => {
  const res = await t.api.post('/api/users/login', { ...ALPHA, body: { email, password: DEMO_PASSWORD } })
  expect(res.status).toBe(200)
  return res.body.token as string
}

const userId = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })).docs[0]!.id

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
  for (const who of ['client', 'writer', 'writer2', 'admin']) tokens[who] = await login(`${who}@alpha.test`)
  const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
  await t.payload.update({ collection: 'orders', id: order.id, data: { status: 'in_progress', writer: await userId('writer@alpha.test'), rateCard: { payPerPage: 900 } }, depth: 0 })
  orderId = order.id
  discountId = await isolationFixtures.discounts!.documentOf(t.payload, alpha)
  await t.payload.update({ collection: 'discounts', id: discountId, data: { archived: true }, depth: 0 })
  sql = logStatements(poolOf(t.payload)!, { keepText: true })
})
afterAll(async () => t?.close())

/** The statements of one GraphQL request that read the orders table. */
const orderReads = async (query: string, token: string) => {
  sql.reset()
  const res = await t.api.graphql(query, { ...ALPHA, token })
  expect(res.body.errors).toBeUndefined()
  return { data: res.body.data, statements: sql.texts.filter((text) => /from "orders"/i.test(text)) }
}

describe('GraphQL reads only the fields a query names', () => {
  it('a list without `select` leaves the columns it did not name unread; `select: false` reads them', async () => {
    const named = await orderReads(`{ Orders(where: { id: { equals: ${orderId} } }) { docs { id number status } } }`, tokens.client!)
    expect(named.data.Orders.docs).toEqual([expect.objectContaining({ id: orderId, status: 'in_progress' })])
    expect(named.statements.length).toBeGreaterThan(0)
    expect(named.statements.join(' ')).not.toContain('"instructions"')
    const whole = await orderReads(`{ Orders(select: false, where: { id: { equals: ${orderId} } }) { docs { id number status } } }`, tokens.client!)
    expect(whole.data).toEqual(named.data)
    expect(whole.statements.join(' ')).toContain('"instructions"')
  })

  it('one document without `select` too, and the answer is the same', async () => {
    const query = (select: string) => `{ Order(id: ${orderId}${select}) { id topic pages client { id email } } }`
    const named = await orderReads(query(''), tokens.client!)
    expect(named.statements.join(' ')).not.toContain('"instructions"')
    const whole = await orderReads(query(', select: false'), tokens.client!)
    expect(named.data).toEqual(whole.data)
    expect(named.data.Order.client.email).toBe('client@alpha.test')
  })
})

describe('a selection never changes what a field answers', () => {
  it("the order's writer reads the rate card without naming the writer; another writer still does not", async () => {
    const rest = await t.api.get(`/api/orders/${orderId}?depth=0&select[rateCard]=true`, { ...ALPHA, token: tokens.writer })
    expect(rest.status).toBe(200)
    expect(rest.body.rateCard).toEqual({ payPerPage: 900 })
    const graph = await t.api.graphql(`{ Order(id: ${orderId}) { rateCard } }`, { ...ALPHA, token: tokens.writer })
    expect(graph.body.data.Order.rateCard).toEqual({ payPerPage: 900 })
    // The pool is closed to writer2 once the order is taken: no document, or no card.
    const other = await t.api.get(`/api/orders/${orderId}?depth=0&select[rateCard]=true`, { ...ALPHA, token: tokens.writer2 })
    expect(other.body.rateCard ?? null).toBeNull()
  })

  it("a discount's status is derived from its terms when only the status is asked for", async () => {
    const rest = await t.api.get(`/api/discounts/${discountId}?depth=0&select[status]=true`, { ...ALPHA, token: tokens.admin })
    expect(rest.status).toBe(200)
    expect(rest.body.status).toBe('archived')
    const graph = await t.api.graphql(`{ Discount(id: ${discountId}) { status } }`, { ...ALPHA, token: tokens.admin })
    expect(graph.body.data.Discount.status).toBe('archived')
  })
})

/** Payload's field permissions: `true` for every operation, else the operations allowed; absent when none. */
const allows = (permission: unknown, operation: string) => permission === true || (permission as Record<string, unknown> | undefined)?.[operation] === true

describe('permissions per field as one JSON object', () => {
  it('keeps the schema small: every type name is listed to validate each request', async () => {
    const { schema } = await import('@payloadcms/graphql').then(({ configToSchema }) => configToSchema(t.payload.config))
    expect(Object.keys(schema.getTypeMap()).length).toBeLessThan(5000)
  })

  it('`Access` answers the same permissions, per field in `fields`', async () => {
    const res = await t.api.graphql('{ Access { canAccessAdmin orders { read { permission } update { permission } fields } } }', { ...ALPHA, token: tokens.client })
    expect(res.body.errors).toBeUndefined()
    const access = res.body.data.Access
    expect(access.canAccessAdmin).toBe(false)
    expect(access.orders.read.permission).toBe(true)
    const rest = await t.api.get('/api/access', { ...ALPHA, token: tokens.client })
    expect(access.orders.fields).toEqual(rest.body.collections.orders.fields)
    expect(allows(access.orders.fields.topic, 'read')).toBe(true)
    expect(allows(access.orders.fields.rateCard, 'read')).toBe(false)
  })

  it("`docAccessOrder` answers one order's permissions for the caller the same way", async () => {
    const res = await t.api.graphql(`{ docAccessOrder(id: ${orderId}) { read { permission } fields } }`, { ...ALPHA, token: tokens.writer })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.docAccessOrder.read.permission).toBe(true)
    expect(allows(res.body.data.docAccessOrder.fields.rateCard, 'read')).toBe(true)
  })
})
