import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import type { Dispatcher } from '@/jobs/dispatcher'
import { SCHEDULES } from '@/jobs/schedules'
import { inTransaction } from '@/operations/inTransaction'
import { awardPoints } from '@/operations/loyalty/award'
import { awardOrderPoints, reverseOrderPoints } from '@/operations/loyalty/orderPoints'
import type { Order } from '@/payload-types'

import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
const DAY = 24 * 3600 * 1000

const TIERS = [
  { name: 'Bronze', threshold: 0, discountPercent: 0, perks: '' },
  { name: 'Silver', threshold: 500, discountPercent: 3, perks: 'Priority support' },
  { name: 'Gold', threshold: 1500, discountPercent: 5, perks: '' },
]

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
  await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { loyalty: { enabled: true, pointsPerUnit: 0.1, tiers: TIERS } } }, depth: 0 })
})

const localReq = () => createLocalReq({}, t.payload)

/** Gives `who` points as an admin award would (a fixture: the real sources are orders and referrals). */
const give = async (who: string, points: number, reference: string) => {
  const req = await localReq()
  return inTransaction(req, () => awardPoints(req, { tenant: alpha, client: ids[who]!, points, kind: 'admin', reason: 'test', reference }))
}

const account = async (who: string) => {
  const { docs } = await t.payload.find({ collection: 'loyalty-accounts', where: { and: [{ tenant: { equals: alpha } }, { client: { equals: ids[who] } }] }, depth: 0 })
  return docs[0]
}

/** The cached balance and the sum of the client's rows, read by SQL. */
const ledgerOf = async (who: string) => {
  const req = await localReq()
  const [sum] = await execute<{ total: string | null; n: string }>(req, sql`SELECT SUM(points) AS total, COUNT(*) AS n FROM loyalty_transactions WHERE tenant_id = ${alpha} AND client_id = ${ids[who]!}`)
  return { balance: (await account(who))?.balance ?? 0, sum: Number(sum?.total ?? 0), rows: Number(sum?.n ?? 0) }
}

const walletBalance = async (who: string) => {
  const { docs } = await t.payload.find({ collection: 'wallets', where: { and: [{ owner: { equals: ids[who] } }, { kind: { equals: 'client' } }, { tenant: { equals: alpha } }] }, depth: 0 })
  return docs[0]?.balance ?? 0
}

const orderRows = async (orderId: number) =>
  (await t.payload.find({ collection: 'loyalty-transactions', where: { order: { equals: orderId } }, sort: 'id', depth: 0 })).docs.map((r) => ({ kind: r.kind, points: r.points, shortfall: r.shortfall ?? null }))

/** Delivered, completed by the client: ready to approve. */
const completedOrder = async (): Promise<Order> => {
  const order = await deliveredOrder(w)
  await w.must('client', order.id, 'complete')
  return t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
}

const convert = (who: string, points: unknown, key?: string) =>
  t.api.post('/api/loyalty/convert', { ...ALPHA, token: tokens[who], body: { points }, headers: key ? { 'idempotency-key': key } : {} })

describe('points on approval', () => {
  it('the client’s approval earns 1 point per 10.00 of what was paid, once however often it is retried', async () => {
    const order = await completedOrder()
    const before = await ledgerOf('client')
    await w.must('client', order.id, 'approve')
    const expected = Math.floor(order.total / 1000)
    expect(expected).toBeGreaterThan(0)
    expect(await orderRows(order.id)).toEqual([{ kind: 'earn', points: expected, shortfall: null }])
    // Approving again is refused; the effect run again (a retried transaction) adds nothing.
    expect((await w.act('client', order.id, 'approve')).status).toBe(422)
    const req = await localReq()
    expect(await inTransaction(req, () => awardOrderPoints(req, order, new Date()))).toBeNull()
    const after = await ledgerOf('client')
    expect(after.balance - before.balance).toBe(expected)
    expect(after.balance).toBe(after.sum)
  })

  it('the automatic approval 14 days after completion earns them too, once', async () => {
    const order = await completedOrder()
    const schedule = SCHEDULES.find((s) => s.id === 'orders-auto-approve')!
    const done = new Date(order.timestamps!.completedAt!).getTime()
    await schedule.run({ payload: t.payload, dispatcher: {} as Dispatcher, now: new Date(done + 14 * DAY + 3600_000) })
    await schedule.run({ payload: t.payload, dispatcher: {} as Dispatcher, now: new Date(done + 15 * DAY) })
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).timestamps?.approvedAt).toBeTruthy()
    expect(await orderRows(order.id)).toEqual([{ kind: 'earn', points: Math.floor(order.total / 1000), shortfall: null }])
  })

  it('a refund takes back the refunded share; what was already spent is recorded, never a negative balance', async () => {
    const order = await completedOrder()
    await w.must('client', order.id, 'approve')
    const earned = Math.floor(order.total / 1000)
    const half = Math.floor(order.total / 2)
    const refund = (amount: number) => t.api.post(`/api/orders/${order.id}/refunds`, { ...ALPHA, token: tokens.admin, body: { amount, reason: 'Loyalty test' } })
    expect((await refund(half)).status).toBe(201)
    const keep = Math.floor((earned * (order.total - half)) / order.total)
    expect(await orderRows(order.id)).toEqual([
      { kind: 'earn', points: earned, shortfall: null },
      { kind: 'reversal', points: -(earned - keep), shortfall: null },
    ])
    // The client spends everything they have; the rest of the refund cannot take the points back.
    const { balance } = await ledgerOf('client')
    await give('client', -balance, `test:spend:${order.id}`)
    expect((await refund(order.total - half)).status).toBe(201)
    const rows = await orderRows(order.id)
    expect(rows[2]).toEqual({ kind: 'reversal', points: 0, shortfall: keep })
    const after = await ledgerOf('client')
    expect(after).toMatchObject({ balance: 0, sum: 0 })
  })

  it('a cancellation reverses what the order earned down to zero (the operation: an approved order cannot be cancelled over the API)', async () => {
    const order = await completedOrder()
    await w.must('client', order.id, 'approve')
    const earned = Math.floor(order.total / 1000)
    const { balance } = await ledgerOf('client')
    // Leave one point fewer than the order earned: one point is recorded as the shortfall.
    await give('client', -(balance - (earned - 1)), `test:spend-most:${order.id}`)
    const req = await localReq()
    await inTransaction(req, () => reverseOrderPoints(req, order, { kind: 'cancel' }))
    await inTransaction(req, () => reverseOrderPoints(req, order, { kind: 'cancel' }))
    expect((await orderRows(order.id)).slice(1)).toEqual([{ kind: 'reversal', points: -(earned - 1), shortfall: 1 }])
    expect(await ledgerOf('client')).toMatchObject({ balance: 0, sum: 0 })
  })
})

describe('conversion to wallet credit', () => {
  it('refuses below the minimum, off the multiples, above the maximum and beyond the balance, naming points and the rule, writing nothing', async () => {
    await give('client', 6_000, 'test:convert:stock')
    const before = await ledgerOf('client')
    const wallet = await walletBalance('client')
    for (const [points, rule] of [[50, 'minimum'], [150, 'multiple'], [5_100, 'maximum'], [0, null], [1.5, null]] as const) {
      const res = await convert('client', points)
      expect(res.status, String(points)).toBe(rule ? 422 : 400)
      expect(JSON.stringify(res.body)).toContain('points')
      if (rule) expect(res.body.errors[0].data).toMatchObject({ rule, errors: [{ path: 'points' }] })
    }
    const res = await convert('client2', 100)
    expect(res.status).toBe(422)
    expect(res.body.errors[0].data.rule).toBe('insufficient_points')
    expect(await ledgerOf('client')).toEqual(before)
    expect(await walletBalance('client')).toBe(wallet)
  })

  it('credits the wallet by the website’s rate with one journal entry; a retried key converts once', async () => {
    const before = await ledgerOf('client')
    const wallet = await walletBalance('client')
    const first = await convert('client', 300, 'loyalty-convert-1')
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ credited: 3_000, points: before.balance - 300 })
    const again = await convert('client', 300, 'loyalty-convert-1')
    expect(again.body).toEqual(first.body)
    expect(await walletBalance('client')).toBe(wallet + 3_000)
    const after = await ledgerOf('client')
    expect(after).toMatchObject({ balance: before.balance - 300, sum: before.balance - 300, rows: before.rows + 1 })
    const { docs } = await t.payload.find({ collection: 'journal-entries', where: { type: { equals: 'loyalty_conversion' } }, depth: 1 })
    expect(docs).toHaveLength(1)
    const lines = docs[0]!.lines!.map((l) => ({ code: typeof l.account === 'object' ? l.account.code : l.account, debit: l.debit, credit: l.credit }))
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'loyalty_expense', debit: 3_000 })]))
  })

  it('50 concurrent conversions never take the balance below zero; the balance is the sum of the rows and the wallet got exactly what was converted', async () => {
    await give('client2', 2_000, 'test:concurrent:stock')
    const wallet = await walletBalance('client2')
    const answers = await Promise.all(Array.from({ length: 50 }, () => convert('client2', 100)))
    const ok = answers.filter((a) => a.status === 201)
    expect(ok).toHaveLength(20)
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.errors[0].data.rule === 'insufficient_points')).toBe(true)
    expect(answers.every((a) => a.status === 201 || a.status === 422)).toBe(true)
    expect(await ledgerOf('client2')).toMatchObject({ balance: 0, sum: 0 })
    expect(await walletBalance('client2')).toBe(wallet + 20 * 100 * 10)
    const req = await localReq()
    const [lowest] = await execute<{ m: string }>(req, sql`SELECT MIN(balance_after) AS m FROM loyalty_transactions WHERE client_id = ${ids.client2!}`)
    expect(Number(lowest!.m)).toBeGreaterThanOrEqual(0)
  })
})

describe('my points', () => {
  it('GET /api/loyalty/me: the points, the tier and the next, the latest transactions', async () => {
    const { balance } = await ledgerOf('client')
    const res = await t.api.get('/api/loyalty/me', { ...ALPHA, token: tokens.client })
    expect(res.status).toBe(200)
    expect(res.body.points).toBe(balance)
    const tier = [...TIERS].reverse().find((x) => x.threshold <= balance)!
    expect(res.body.tier).toMatchObject({ name: tier.name })
    expect(res.body.transactions.length).toBeGreaterThan(0)
    expect(res.body.transactions.length).toBeLessThanOrEqual(20)
    expect((await t.api.get('/api/loyalty/me', { ...ALPHA, token: tokens.writer })).status).toBe(403)
    expect((await t.api.get('/api/loyalty/me', { host: 'beta.test', token: tokens.client })).status).toBe(404)
  })

  it('a client reads their own account and transactions only; nobody writes them over the API', async () => {
    const mine = await t.api.get('/api/loyalty-transactions?limit=100&depth=0', { ...ALPHA, token: tokens.client })
    expect(mine.body.docs.length).toBeGreaterThan(0)
    expect(mine.body.docs.every((d: { client: number }) => d.client === ids.client)).toBe(true)
    const theirs = await t.api.get(`/api/loyalty-transactions?where[client][equals]=${ids.client}`, { ...ALPHA, token: tokens.client2 })
    expect(theirs.body.docs).toHaveLength(0)
    const acc = (await account('client'))!
    expect((await t.api.get(`/api/loyalty-accounts/${acc.id}`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await t.api.get(`/api/loyalty-accounts/${acc.id}`, { ...ALPHA, token: tokens.support })).status).toBe(200)
    expect((await t.api.patch(`/api/loyalty-accounts/${acc.id}`, { ...ALPHA, token: tokens.admin, body: { balance: 1_000_000 } })).status).toBe(403)
    expect((await t.api.post('/api/loyalty-transactions', { ...ALPHA, token: tokens.admin, body: { points: 1 } })).status).toBe(403)
  })

  it('POST /api/loyalty/adjust: an admin gives and takes points with a reason, never below zero; nobody else may', async () => {
    const adjust = (who: string, body: Record<string, unknown>) => t.api.post('/api/loyalty/adjust', { ...ALPHA, token: tokens[who], body })
    const before = await ledgerOf('client2')
    const given = await adjust('admin', { client: ids.client2, points: 40, reason: 'Apology for a late order' })
    expect(given.status).toBe(201)
    expect(given.body).toMatchObject({ points: before.balance + 40, transaction: { kind: 'admin', points: 40 } })
    const tooMuch = await adjust('admin', { client: ids.client2, points: -(before.balance + 41), reason: 'Too much' })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors[0].data).toMatchObject({ rule: 'insufficient_points', errors: [{ path: 'points' }] })
    expect((await adjust('admin', { client: ids.writer, points: 5, reason: 'Not a client' })).status).toBe(422)
    expect((await adjust('support', { client: ids.client2, points: 5, reason: 'Not an admin' })).status).toBe(403)
    expect((await adjust('client2', { client: ids.client2, points: 5, reason: 'Myself' })).status).toBe(403)
    expect(await ledgerOf('client2')).toMatchObject({ balance: before.balance + 40, sum: before.balance + 40 })
  })
})
