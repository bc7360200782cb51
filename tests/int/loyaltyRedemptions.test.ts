import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { inTransaction } from '@/operations/inTransaction'
import { awardPoints } from '@/operations/loyalty/award'

import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
})

const give = async (who: string, points: number, reference: string) => {
  const req = await createLocalReq({}, t.payload)
  return inTransaction(req, () => awardPoints(req, { tenant: alpha, client: ids[who]!, points, kind: 'admin', reason: 'test', reference }))
}

/** The client's cached balance and the sum of their rows (SQL), which must always agree. */
const ledgerOf = async (who: string) => {
  const req = await createLocalReq({}, t.payload)
  const [row] = await execute<{ balance: string | null; total: string | null }>(
    req,
    sql`SELECT (SELECT balance FROM loyalty_accounts WHERE tenant_id = ${alpha} AND client_id = ${ids[who]!}) AS balance,
               (SELECT SUM(points) FROM loyalty_transactions WHERE tenant_id = ${alpha} AND client_id = ${ids[who]!}) AS total`,
  )
  return { balance: Number(row?.balance ?? 0), sum: Number(row?.total ?? 0) }
}

const createReward = async (data: Record<string, unknown>) => {
  const res = await t.api.post('/api/loyalty-rewards', { ...ALPHA, token: tokens.admin, body: { active: true, ...data } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as { id: number; stock: number | null }
}

const redeem = (who: string, reward: number) => t.api.post('/api/loyalty/redeem', { ...ALPHA, token: tokens[who], body: { reward } })
const act = (who: string, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/loyalty-redemptions/${id}/actions/${action}`, { ...ALPHA, token: tokens[who], body })
const stockOf = async (id: number) => (await t.payload.findByID({ collection: 'loyalty-rewards', id, depth: 0 })).stock

describe('redemptions', () => {
  it('defect: redeeming deducts points once, never twice (reference §16)', async () => {
    await give('client', 1_000, 'test:redeem:stock')
    const reward = await createReward({ name: '10 % code', pointsRequired: 200, kind: 'discount_code', discountKind: 'percentage', discountValue: 10, maxPerClient: 2 })
    const before = await ledgerOf('client')
    const res = await redeem('client', reward.id)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const redemption = res.body.redemption
    expect(redemption).toMatchObject({ status: 'pending', points: 200 })
    expect(await ledgerOf('client')).toEqual({ balance: before.balance - 200, sum: before.balance - 200 })

    expect((await act('admin', redemption.id, 'approve')).status).toBe(200)
    expect(await ledgerOf('client')).toEqual({ balance: before.balance - 200, sum: before.balance - 200 })

    const fulfilled = await act('admin', redemption.id, 'fulfil')
    expect(fulfilled.status).toBe(200)
    expect(fulfilled.body.doc).toMatchObject({ status: 'fulfilled', discountCode: expect.stringMatching(/^LOYALTY-/) })
    expect(await ledgerOf('client')).toEqual({ balance: before.balance - 200, sum: before.balance - 200 })
    // The code is the client's alone, single use.
    const discount = await t.payload.findByID({ collection: 'discounts', id: fulfilled.body.doc.discount, depth: 0 })
    expect(discount).toMatchObject({ code: fulfilled.body.doc.discountCode, origin: 'loyalty', kind: 'percentage', value: 10, usageLimit: 1 })
    expect((discount.eligibleClients ?? []).map((c) => (typeof c === 'number' ? c : c.id))).toEqual([ids.client])
    // Exactly one redeem row for it.
    const { docs } = await t.payload.find({ collection: 'loyalty-transactions', where: { and: [{ client: { equals: ids.client } }, { kind: { equals: 'redeem' } }] }, depth: 0 })
    expect(docs.map((d) => d.points)).toEqual([-200])
  })

  it('a rejection and a cancellation give the points and the stock back once; the client cancels only while pending', async () => {
    const reward = await createReward({ name: 'Perk', pointsRequired: 100, kind: 'perk', stock: 5, maxPerClient: 5 })
    const before = await ledgerOf('client')
    const first = (await redeem('client', reward.id)).body.redemption
    const second = (await redeem('client', reward.id)).body.redemption
    expect(await stockOf(reward.id)).toBe(3)
    expect((await ledgerOf('client')).balance).toBe(before.balance - 200)

    // Who may do what: the client never approves; an admin never cancels for them.
    expect((await act('client', first.id, 'approve')).status).toBe(403)
    expect((await act('admin', first.id, 'cancel')).status).toBe(403)
    expect((await act('client', first.id, 'cancel')).status).toBe(200)
    expect((await act('client', first.id, 'cancel')).status).toBe(409)

    expect((await act('admin', second.id, 'reject')).status).toBe(400)
    expect((await act('admin', second.id, 'approve')).status).toBe(200)
    expect((await act('client', second.id, 'cancel')).status).toBe(409)
    const rejected = await act('admin', second.id, 'reject', { reason: 'Not available this month' })
    expect(rejected.status).toBe(200)
    expect(rejected.body.doc).toMatchObject({ status: 'rejected', reason: 'Not available this month' })

    expect(await stockOf(reward.id)).toBe(5)
    expect(await ledgerOf('client')).toEqual({ balance: before.balance, sum: before.balance })
    // The timeline has each step.
    const { docs: events } = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'loyalty-redemptions' } }, { document: { equals: second.id } }] }, sort: 'id', depth: 0 })
    expect(events.map((e) => e.action)).toEqual(['approve', 'reject'])
  })

  it('stock and the per-client limit are enforced; refusals name the field and rule and take nothing', async () => {
    await give('client2', 500, 'test:redeem:client2')
    const reward = await createReward({ name: 'Last two', pointsRequired: 100, kind: 'perk', stock: 2, maxPerClient: 1 })
    const dear = await createReward({ name: 'Dear', pointsRequired: 1_000_000, kind: 'perk' })
    const off = await createReward({ name: 'Off', pointsRequired: 10, kind: 'perk', active: false })
    const before = await ledgerOf('client2')

    const refusal = async (who: string, id: number, path: string, rule: string) => {
      const res = await redeem(who, id)
      expect(res.status, rule).toBe(422)
      expect(res.body.errors[0].data).toMatchObject({ rule, errors: [{ path }] })
    }
    await refusal('client2', dear.id, 'points', 'insufficient_points')
    await refusal('client2', off.id, 'reward', 'inactive')
    await refusal('client2', 999_999, 'reward', 'unknown_reward')
    expect(await ledgerOf('client2')).toEqual(before)

    expect((await redeem('client2', reward.id)).status).toBe(201)
    await refusal('client2', reward.id, 'reward', 'per_client_limit')
    expect((await redeem('client', reward.id)).status).toBe(201)
    await refusal('client', reward.id, 'reward', 'out_of_stock')
    expect(await stockOf(reward.id)).toBe(0)
    expect(await ledgerOf('client2')).toEqual({ balance: before.balance - 100, sum: before.balance - 100 })
  })

  it('a website that switches its programme off keeps the balances but refuses redemptions (422 naming reward, rule loyalty_off)', async () => {
    await give('client2', 50, 'test:redeem:off')
    const reward = await createReward({ name: 'While off', pointsRequired: 10, kind: 'perk' })
    const before = await ledgerOf('client2')
    await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { loyalty: { enabled: false } } }, depth: 0 })
    try {
      const res = await redeem('client2', reward.id)
      expect(res.status).toBe(422)
      expect(res.body.errors[0].data).toMatchObject({ rule: 'loyalty_off', errors: [{ path: 'reward' }] })
      expect(await ledgerOf('client2')).toEqual(before)
      expect(await stockOf(reward.id)).toBe(null)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { loyalty: { enabled: true } } }, depth: 0 })
    }
    expect((await redeem('client2', reward.id)).status).toBe(201)
  })

  it('concurrent redemptions of the last units never oversell nor overdraw', async () => {
    await give('client2', 1_000, 'test:redeem:race')
    const reward = await createReward({ name: 'Three left', pointsRequired: 100, kind: 'perk', stock: 3, maxPerClient: null })
    const answers = await Promise.all(Array.from({ length: 10 }, () => redeem('client2', reward.id)))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3)
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.errors[0].data.rule === 'out_of_stock')).toBe(true)
    expect(await stockOf(reward.id)).toBe(0)
    const ledger = await ledgerOf('client2')
    expect(ledger.balance).toBe(ledger.sum)
  })

  it('a client reads their own redemptions only; another website sees none; nobody writes them over the API', async () => {
    const { docs } = await t.payload.find({ collection: 'loyalty-redemptions', where: { client: { equals: ids.client } }, limit: 1, depth: 0 })
    const theirs = docs[0]!
    expect((await t.api.get(`/api/loyalty-redemptions/${theirs.id}`, { ...ALPHA, token: tokens.client })).status).toBe(200)
    expect((await t.api.get(`/api/loyalty-redemptions/${theirs.id}`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await t.api.get(`/api/loyalty-redemptions/${theirs.id}`, { ...ALPHA, token: tokens.support })).status).toBe(200)
    expect((await t.api.get(`/api/loyalty-redemptions/${theirs.id}`, { host: 'beta.test', token: tokens.betaClient })).status).toBe(404)
    expect((await act('client2', theirs.id, 'cancel')).status).toBe(404)
    expect((await t.api.patch(`/api/loyalty-redemptions/${theirs.id}`, { ...ALPHA, token: tokens.admin, body: { status: 'pending' } })).status).toBe(403)
    // The catalogue is the website's: Beta's client neither reads nor redeems Alpha's rewards.
    const reward = (await t.payload.find({ collection: 'loyalty-rewards', where: { tenant: { equals: alpha } }, limit: 1, depth: 0 })).docs[0]!
    expect((await t.api.get(`/api/loyalty-rewards/${reward.id}`, { host: 'beta.test', token: tokens.betaClient })).status).toBe(404)
    expect((await t.api.post('/api/loyalty/redeem', { host: 'beta.test', token: tokens.betaClient, body: { reward: reward.id } })).body.errors[0].data.rule).toBe('unknown_reward')
    expect((await t.api.patch(`/api/loyalty-rewards/${reward.id}`, { ...ALPHA, token: tokens.client, body: { pointsRequired: 1 } })).status).toBe(403)
  })
})
