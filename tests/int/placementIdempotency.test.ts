import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PLACEMENT_SCOPE } from '@/operations/orders/placeOrder'
import { CLAIM, markIdempotentApplied, requestHashOf } from '@/operations/payments/idempotency'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { ESSAY } from '../helpers/orderWorkflow'
import { rowCounts } from '../helpers/rowCounts'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * `POST /api/orders` with an `Idempotency-Key`: a client whose answer was cut off
 * retries and places once; the same key with another order is a 422; a refused first
 * attempt is refused again the same way. Without a key nothing changes.
 */

let t: TestContext
const tokens: Record<string, string> = {}
const ALPHA = { host: 'alpha.test' }
const ORDER = { ...ESSAY, deadlineHours: 240 }

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'client2', 'admin']) tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, ALPHA)
})
afterAll(async () => t?.close())

const place = (who: string, body: unknown, key?: string) => t.api.post('/api/orders', { ...ALPHA, token: tokens[who], body, headers: key ? { 'idempotency-key': key } : {} })
const orderCount = async () => (await t.payload.count({ collection: 'orders' })).totalDocs

describe('POST /api/orders with Idempotency-Key', () => {
  it('two requests with one key place one order and answer the same', async () => {
    const before = await orderCount()
    const first = await place('client', ORDER, 'place-1')
    const second = await place('client', ORDER, 'place-1')
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(first.body.doc).toMatchObject({ status: 'pending_payment' })
    expect(await orderCount()).toBe(before + 1)
  })

  it('ten at once with one key: one order, ten identical answers', async () => {
    const before = await orderCount()
    const answers = await Promise.all(Array.from({ length: 10 }, () => place('client', ORDER, 'place-burst')))
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]))
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect(await orderCount()).toBe(before + 1)
  })

  it('the same key with another order is a 422 and places nothing; the key is the caller’s own', async () => {
    await place('client', ORDER, 'place-2')
    const before = await rowCounts(t.payload)
    const other = await place('client', { ...ORDER, pages: 5 }, 'place-2')
    expect(other.status).toBe(422)
    expect(other.body.errors[0].message).toMatch(/different request body/)
    expect(await rowCounts(t.payload)).toEqual(before)
    // Another client's same key is theirs.
    expect((await place('client2', ORDER, 'place-2')).status).toBe(201)
  })

  it('a refused first attempt (400) is refused again with the same answer, and writes nothing but the key', async () => {
    const before = await orderCount()
    const first = await place('client', { ...ORDER, pages: 0 }, 'place-bad')
    expect(first.status).toBe(400)
    expect(first.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain('pages')
    const second = await place('client', { ...ORDER, pages: 0 }, 'place-bad')
    expect(second.status).toBe(400)
    expect(second.body).toEqual(first.body)
    expect(await orderCount()).toBe(before)
  })

  it('staff placing for a client use it the same way', async () => {
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: 'client2@alpha.test' } }, depth: 0 })
    const before = await orderCount()
    const body = { ...ORDER, client: docs[0]!.id }
    const first = await place('admin', body, 'staff-place')
    const second = await place('admin', body, 'staff-place')
    expect(first.status).toBe(201)
    expect(second.body.doc.id).toBe(first.body.doc.id)
    expect(await orderCount()).toBe(before + 1)
  })

  it('a key of more than 255 characters is a 400; anonymous with a key is a 401', async () => {
    expect((await place('client', ORDER, 'k'.repeat(256))).status).toBe(400)
    expect((await t.api.post('/api/orders', { ...ALPHA, body: ORDER, headers: { 'idempotency-key': 'anon' } })).status).toBe(401)
  })
})

describe('POST /api/orders without a key', () => {
  it('is the plain create: each request places its own order', async () => {
    const before = await orderCount()
    const keys = (await t.payload.count({ collection: 'idempotency-keys' })).totalDocs
    const a = await place('client', ORDER)
    const b = await place('client', ORDER)
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.doc.id).not.toBe(b.body.doc.id)
    expect(a.body.message).toBeTruthy()
    expect(await orderCount()).toBe(before + 2)
    expect((await t.payload.count({ collection: 'idempotency-keys' })).totalDocs).toBe(keys)
  })
})

describe('when the attempt holding the key died (a killed web process, a lost database)', () => {
  const clientId = async () => (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs[0]!.id
  /** The row a dead attempt leaves: claimed, its lease run out; `applied` when its change had committed. */
  const deadClaim = async (key: string, applied: boolean) =>
    t.payload.db.drizzle.execute(
      `INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status, owner, lease_until, applied_at, updated_at, created_at)
       VALUES (${await clientId()}, '${PLACEMENT_SCOPE}', '${key}', '${requestHashOf(ORDER)}', 'in_progress', 'dead-owner', now() - interval '1 second', ${applied ? 'now()' : 'NULL'}, now(), now())`,
    )

  it('nothing of it committed: the retry takes the key over and places once', async () => {
    await deadClaim('dead-1', false)
    const before = await orderCount()
    const retried = await place('client', ORDER, 'dead-1')
    expect(retried.status).toBe(201)
    expect((await place('client', ORDER, 'dead-1')).body).toEqual(retried.body)
    expect(await orderCount()).toBe(before + 1)
  })

  it('its change had committed: the retry places nothing and says the answer was lost, every time', async () => {
    await deadClaim('dead-2', true)
    const before = await orderCount()
    const retried = await place('client', ORDER, 'dead-2')
    expect(retried.status).toBe(409)
    expect(retried.body.errors[0].data.rule).toBe('answer_lost')
    expect((await place('client', ORDER, 'dead-2')).body).toEqual(retried.body)
    expect(await orderCount()).toBe(before)
  })

  it('any write of a keyed request marks the key applied in its own transaction, whichever path wrote it', async () => {
    await deadClaim('dead-4', false)
    const [row] = (await t.payload.db.drizzle.execute(`SELECT id FROM idempotency_keys WHERE key = 'dead-4'`)).rows as { id: number }[]
    const appliedAt = async () => ((await t.payload.db.drizzle.execute(`SELECT applied_at FROM idempotency_keys WHERE id = ${row!.id}`)).rows[0] as { applied_at: string | null }).applied_at
    // A Local API write outside any operation's transaction: Payload's own create commits it.
    const req = await createLocalReq({ context: { [CLAIM]: { id: row!.id, owner: 'dead-owner' } } }, t.payload)
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })
    const alphaId = docs[0]!.id
    // A refused write (rolled back) leaves the key unmarked…
    await expect(t.payload.create({ collection: 'tags', data: { tenant: alphaId } as never, req })).rejects.toBeTruthy()
    expect(await appliedAt()).toBeNull()
    // …a committed one marks it.
    await t.payload.create({ collection: 'tags', data: { tenant: alphaId, name: 'Idempotency mark', slug: 'idempotency-mark' } as never, req })
    expect(await appliedAt()).not.toBeNull()
    // A write taken over by another attempt is undone: its create answers 409 and nothing is kept.
    const stale = await createLocalReq({ context: { [CLAIM]: { id: row!.id, owner: 'not-the-owner-any-more' } } }, t.payload)
    await expect(t.payload.create({ collection: 'tags', data: { tenant: alphaId, name: 'Undone', slug: 'undone-tag' } as never, req: stale })).rejects.toMatchObject({ status: 409 })
    expect((await t.payload.find({ collection: 'tags', where: { slug: { equals: 'undone-tag' } }, depth: 0 })).totalDocs).toBe(0)
  })

  it('an attempt whose key was taken over cannot commit its change', async () => {
    await deadClaim('dead-3', false)
    const [row] = (await t.payload.db.drizzle.execute(`SELECT id FROM idempotency_keys WHERE key = 'dead-3'`)).rows as { id: number }[]
    const req = await createLocalReq({ context: { [CLAIM]: { id: row!.id, owner: 'not-the-owner-any-more' } } }, t.payload)
    await expect(markIdempotentApplied(req)).rejects.toMatchObject({ status: 409 })
    const mine = await createLocalReq({ context: { [CLAIM]: { id: row!.id, owner: 'dead-owner' } } }, t.payload)
    await expect(markIdempotentApplied(mine)).resolves.toBeUndefined()
  })
})
