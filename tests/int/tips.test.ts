import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'

import { expirePayments } from '@/jobs/paymentSchedules'
import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let tokens: Record<string, string>
let ids: Record<string, number>
const ALPHA = { host: 'alpha.test' }
let alpha: number

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
  // 80 % to the writer, 20 % to the platform on Alpha.
  await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { tips: { writerPercent: 80 } } }, depth: 0 })
  await fundWallet(t.payload, alpha, ids.client!, 50_000, 'test:tips:fund')
})

const tip = (who: string, body: Record<string, unknown>, host = ALPHA) => t.api.post('/api/payments/checkout', { ...host, token: tokens[who], body: { purpose: 'tip', ...body } })
const walletOf = async (who: string) => (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens[who] })).body as { balance: number }
const writerWallet = async () => {
  const { docs } = await t.payload.find({ collection: 'wallets', where: { and: [{ owner: { equals: ids.writer } }, { kind: { equals: 'writer' } }, { tenant: { equals: alpha } }] }, depth: 0 })
  return docs[0]?.balance ?? 0
}
const counts = async () => ({
  tips: (await t.payload.count({ collection: 'tips' })).totalDocs,
  payments: (await t.payload.count({ collection: 'payments' })).totalDocs,
  entries: (await t.payload.count({ collection: 'journal-entries' })).totalDocs,
})

describe('tips', () => {
  let orderId: number

  it('a wallet tip is split by the website policy: the writer’s wallet and the platform’s margin, one entry', async () => {
    orderId = (await deliveredOrder(w)).id
    const clientBefore = (await walletOf('client')).balance
    const writerBefore = await writerWallet()
    const res = await tip('client', { order: orderId, amount: 1000, provider: 'wallet', message: 'Thank you!' })
    expect(res.status).toBe(201)
    expect(res.body.payment).toMatchObject({ purpose: 'tip', provider: 'wallet', status: 'succeeded', amount: 1000 })
    const [row] = (await t.payload.find({ collection: 'tips', where: { order: { equals: orderId } }, depth: 0 })).docs
    expect(row).toMatchObject({ client: ids.client, writer: ids.writer, amount: 1000, writerAmount: 800, platformAmount: 200, status: 'succeeded', message: 'Thank you!' })
    expect((await walletOf('client')).balance).toBe(clientBefore - 1000)
    expect((await writerWallet()) - writerBefore).toBe(800)
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `payment:${res.body.payment.reference}` } }, depth: 1 })).docs[0]!
    expect(entry.type).toBe('tip_settlement')
    const lines = entry.lines!.map((l) => ({ code: typeof l.account === 'object' ? l.account.code : l.account, debit: l.debit, credit: l.credit }))
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'platform_tip_margin', credit: 200 })]))
    // The client gets a receipt, as for every settlement.
    const receipts = await t.payload.find({ collection: 'receipts', where: { payment: { equals: res.body.payment.id } }, depth: 0 })
    expect(receipts.docs.map((r) => [r.amount, (r.paidFor as { lines: { description: string }[] }).lines[0]!.description])).toEqual([[1000, expect.stringMatching(/^Tip for the writer of order /)]])
    // The writer hears of it.
    const { docs: outbox } = await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, sort: '-id', limit: 20, depth: 0 })
    expect(outbox.some((o) => (o.payload as { event?: string }).event === 'tip.received')).toBe(true)
    // The period's report counts what clients gave.
    const summary = await t.api.get(`/api/ledger/summary?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`, { ...ALPHA, token: tokens.admin })
    expect(summary.body.tips).toBeGreaterThanOrEqual(1000)
  })

  it('the client and the writer read the tip; another writer and another website do not', async () => {
    const mine = await t.api.get(`/api/tips?where[order][equals]=${orderId}`, { ...ALPHA, token: tokens.writer })
    expect(mine.body.docs).toHaveLength(1)
    expect((await t.api.get(`/api/tips?where[order][equals]=${orderId}`, { ...ALPHA, token: tokens.client })).body.docs).toHaveLength(1)
    expect((await t.api.get(`/api/tips?where[order][equals]=${orderId}`, { ...ALPHA, token: tokens.writer2 })).body.docs).toHaveLength(0)
    expect((await t.api.get(`/api/tips?where[order][equals]=${orderId}`, { ...ALPHA, token: tokens.client2 })).body.docs).toHaveLength(0)
    expect((await t.api.get(`/api/tips?where[order][equals]=${orderId}`, { ...ALPHA, token: tokens.support })).body.docs).toHaveLength(1)
    expect((await t.api.get(`/api/tips/${mine.body.docs[0].id}`, { host: 'beta.test', token: tokens.betaClient })).status).toBe(404)
    expect((await t.api.patch(`/api/tips/${mine.body.docs[0].id}`, { ...ALPHA, token: tokens.admin, body: { amount: 1 } })).status).toBe(403)
  })

  it('refuses bad tips with the field and the rule, and writes nothing', async () => {
    const before = await counts()
    const fresh = await w.place('client')
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['client', { order: orderId, amount: 99, provider: 'wallet' }, 400, 'amount'],
      ['client', { order: orderId, amount: 100_001, provider: 'wallet' }, 400, 'amount'],
      ['client', { order: orderId, amount: 12.5, provider: 'wallet' }, 400, 'amount'],
      ['client', { order: orderId, amount: 500, provider: 'cash' }, 400, 'provider'],
      ['client', { order: fresh.id, amount: 500, provider: 'wallet' }, 422, 'order'],
      ['client2', { order: orderId, amount: 500, provider: 'wallet' }, 404, 'order'],
      ['client', { order: orderId, amount: 49_500, provider: 'wallet' }, 422, 'shortfall'],
    ]
    for (const [who, body, status, field] of cases) {
      const res = await tip(who, body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(JSON.stringify(res.body), JSON.stringify(body)).toContain(field)
    }
    expect((await tip('betaClient', { order: orderId, amount: 500, provider: 'wallet' }, { host: 'beta.test' })).status).toBe(404)
    expect(await counts()).toEqual(before)
  })

  it('keeps to the policy: a switched-off route and the daily count', async () => {
    await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { tips: { allowCard: false, perDay: 2 } } }, depth: 0 })
    try {
      const card = await tip('client', { order: orderId, amount: 500, provider: 'manual' })
      expect(card.status).toBe(400)
      expect(card.body.errors[0].data).toMatchObject({ field: 'provider' })
      // One tip today already: one more is allowed, the third is refused.
      expect((await tip('client', { order: orderId, amount: 300, provider: 'wallet' })).status).toBe(201)
      const third = await tip('client', { order: orderId, amount: 300, provider: 'wallet' })
      expect(third.status).toBe(422)
      expect(third.body.errors[0].message).toMatch(/at most 2 tips in 24 hours/)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { tips: { allowCard: true, perDay: 25 } } }, depth: 0 })
    }
  })

  it('a card (manual) tip waits for its payment: confirmed once it credits the writer; unpaid it expires and the tip fails', async () => {
    const writerBefore = await writerWallet()
    const paid = await tip('client', { order: orderId, amount: 2000, provider: 'manual' })
    expect(paid.status).toBe(201)
    expect(paid.body.payment.status).toBe('pending')
    expect(await writerWallet()).toBe(writerBefore)
    const confirm = () => confirmAsAdmin(t, paid.body.payment.id)
    const answers = await Promise.all([confirm(), confirm(), confirm()])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect((await writerWallet()) - writerBefore).toBe(1600)

    const abandoned = await tip('client', { order: orderId, amount: 700, provider: 'manual' })
    const id = abandoned.body.payment.id as number
    expect(await expirePayments(t.payload, new Date(Date.now() + 10 * 60_000))).toEqual({ done: 0, failed: 0 })
    expect(await expirePayments(t.payload, new Date(Date.now() + 31 * 60_000))).toEqual({ done: 1, failed: 0 })
    expect(await expirePayments(t.payload, new Date(Date.now() + 31 * 60_000))).toEqual({ done: 0, failed: 0 })
    expect(await t.payload.findByID({ collection: 'payments', id, depth: 0 })).toMatchObject({ status: 'expired' })
    const [expiredTip] = (await t.payload.find({ collection: 'tips', where: { amount: { equals: 700 } }, depth: 0 })).docs
    expect(expiredTip).toMatchObject({ status: 'failed' })
    expect((await writerWallet()) - writerBefore).toBe(1600)
  })

  it('counts the day\'s tips per client across orders, even when they come at once', async () => {
    await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { tips: { perDay: 3 } } }, depth: 0 })
    try {
      const since = new Date(Date.now() - 25 * 3600 * 1000).toISOString()
      // Earlier tips of this file are moved out of the last 24 h, so the count starts at 0.
      const req = await createLocalReq({}, t.payload)
      await execute(req, sql`UPDATE tips SET created_at = ${since} WHERE client_id = ${ids.client!}`)
      // The first writer is at their level's active-order limit: two more orders go to the second.
      const orders = [{ id: orderId }, await deliveredOrder(w, 'client', 'writer2'), await deliveredOrder(w, 'client', 'writer2')]
      const answers = await Promise.all([...orders, ...orders].map((order) => tip('client', { order: order.id, amount: 100, provider: 'wallet' })))
      expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 422, 422, 422])
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { tips: { perDay: 25 } } }, depth: 0 })
    }
  })
})
