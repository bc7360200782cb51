import { describe, expect, it } from 'vitest'

import { expectLedgerSound } from '../helpers/money'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { runSchedule } from '../helpers/schedules'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
})

const refund = (who: string, orderId: number, body: Record<string, unknown>) => t.api.post(`/api/orders/${orderId}/refunds`, { ...ALPHA, token: tokens[who], body })
const refunded = async (orderId: number) => (await t.payload.find({ collection: 'refunds', where: { order: { equals: orderId } }, depth: 0 })).docs.reduce((sum, r) => sum + r.amount, 0)
const walletBalance = async () => (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance as number
const earningsOf = async (orderId: number) => (await t.payload.find({ collection: 'writer-earnings', where: { order: { equals: orderId } }, sort: 'id', depth: 0 })).docs

describe('refunds', () => {
  it('never refunds more than was paid: 422 above it; a partial refund then a cancellation add up to the amount paid', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const before = await walletBalance()
    const over = await refund('admin', order.id, { amount: order.total + 1, reason: 'Too much' })
    expect(over.status).toBe(422)
    expect(over.body.errors[0].data).toMatchObject({ field: 'amount', refundable: order.total })
    expect(await refunded(order.id)).toBe(0)

    const partial = await refund('admin', order.id, { amount: 1000, reason: 'Late delivery' })
    expect(partial.status).toBe(201)
    const after = await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
    expect(after).toMatchObject({ amountPaid: order.total - 1000, paymentStatus: 'partially_paid' })
    expect((await refund('admin', order.id, { amount: order.total - 999, reason: 'Again' })).status).toBe(422)

    const cancelled = await w.must('admin', order.id, 'cancel', { reason: 'Client left' })
    expect(cancelled).toMatchObject({ status: 'cancelled', amountPaid: 0, paymentStatus: 'refunded' })
    expect(await refunded(order.id)).toBe(order.total)
    expect((await walletBalance()) - before).toBe(order.total)
    await expectLedgerSound(t.payload)
  })

  it('a client cancellation refunds what the forfeiture leaves, to the wallet', async () => {
    const order = await w.place('client', { deadlineHours: 48 })
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer', order.id, 'take')
    const before = await walletBalance()
    await w.must('client', order.id, 'requestCancellation', { reason: 'Plans changed' })
    const cancelled = await w.must('admin', order.id, 'approveCancellation')
    const kept = Math.floor((order.total * 40 + 50) / 100)
    expect(cancelled.cancellation).toMatchObject({ forfeitPercent: 40, kept, refundDue: order.total - kept })
    expect(cancelled.amountPaid).toBe(kept)
    expect((await walletBalance()) - before).toBe(order.total - kept)
  })

  it('only an admin of the order\'s website refunds; another website sees no order', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    expect((await refund('support', order.id, { amount: 100, reason: 'x' })).status).toBe(403)
    expect((await refund('client', order.id, { amount: 100, reason: 'x' })).status).toBe(403)
    expect((await t.api.post(`/api/orders/${order.id}/refunds`, { host: 'beta.test', token: tokens.betaAdmin, body: { amount: 100, reason: 'x' } })).status).toBe(404)
    expect((await refund('admin', order.id, { amount: 0, reason: 'x' })).status).toBe(400)
    expect(await refunded(order.id)).toBe(0)
  })
})

describe('writer earnings', () => {
  const completed = async () => w.must('client', (await deliveredOrder(w)).id, 'complete')

  it('posts one earning, at the rate card frozen at assignment, for the writer who completed the order', async () => {
    const order = await completed()
    // The pay card is the staff's and the writer's, not in the client's answer.
    expect(order).not.toHaveProperty('rateCard')
    const stored = await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
    // The demo writer has no level: the website's default (Entry, 4.00 a page) applies.
    expect(stored.rateCard).toMatchObject({ code: 'entry', payPerPage: 400 })
    // Raising the level's pay later does not change this order.
    const { docs } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: alpha } }, { code: { equals: 'entry' } }] }, depth: 0 })
    await t.payload.update({ collection: 'writer-levels', id: docs[0]!.id, data: { payPerPage: 999 }, depth: 0 })
    await w.must('admin', order.id, 'reopen')
    await w.must('writer', order.id, 'submit')
    await w.must('editor', order.id, 'editorApprove')
    await w.must('client', order.id, 'complete')
    await t.payload.update({ collection: 'writer-levels', id: docs[0]!.id, data: { payPerPage: 400 }, depth: 0 })
    const earnings = await earningsOf(order.id)
    expect(earnings).toMatchObject([{ kind: 'order_earning', writer: ids.writer, amount: 3 * 400, status: 'pending' }])
    const entry = await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `earning:order:${order.id}` } }, depth: 0 })
    expect(entry.totalDocs).toBe(1)
  })

  it('cancelling before payout voids the earning; after payout it creates a reversal', async () => {
    const before = await completed()
    await w.must('admin', before.id, 'cancel', { reason: 'Plagiarism found' })
    expect(await earningsOf(before.id)).toMatchObject([{ kind: 'order_earning', status: 'voided' }])
    expect((await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `earning:order:${before.id}:void` } }, depth: 0 })).totalDocs).toBe(1)

    const after = await completed()
    const [earning] = await earningsOf(after.id)
    // Paid out the real way: a payment window opens before and closes after the earning,
    // and an admin marks the writer's payout record paid.
    const open = new Date(Date.now() - 3600 * 1000)
    await runSchedule(t.payload, 'payouts-windows', open)
    await runSchedule(t.payload, 'payouts-windows', new Date(open.getTime() + 14 * 24 * 3600 * 1000 + 60 * 1000))
    const batched = await t.payload.findByID({ collection: 'writer-earnings', id: earning!.id, depth: 0 })
    expect(batched.payoutRecord).toBeTruthy()
    const paid = await t.api.post(`/api/payout-records/${batched.payoutRecord as number}/pay`, { ...ALPHA, token: tokens.admin, body: { method: 'bank_transfer', externalReference: 'BANK-1' } })
    expect(paid.status).toBe(200)
    expect(await earningsOf(after.id)).toMatchObject([{ kind: 'order_earning', status: 'paid' }])
    await w.must('admin', after.id, 'cancel', { reason: 'Chargeback' })
    expect(await earningsOf(after.id)).toMatchObject([
      { kind: 'order_earning', status: 'paid', amount: earning!.amount },
      { kind: 'reversal', status: 'pending', amount: earning!.amount },
    ])
    await expectLedgerSound(t.payload)
  })

  it('a refund lowers an earning not yet paid out by the refunded share, voids it when everything goes back, and leaves a paid-out one alone', async () => {
    const order = await completed()
    const [earning] = await earningsOf(order.id)
    const quarter = Math.floor(order.total / 4)
    const first = await refund('admin', order.id, { amount: quarter, reason: 'One section missing' })
    expect(first.status).toBe(201)
    const lowered = earning!.amount - Math.round((earning!.amount * quarter) / order.total)
    expect(await earningsOf(order.id)).toMatchObject([{ kind: 'order_earning', status: 'pending', amount: lowered }])
    expect((await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `earning:order:${order.id}:refund:${first.body.refund.id}` } } })).totalDocs).toBe(1)
    expect((await refund('admin', order.id, { amount: order.total - quarter, reason: 'Refunded in full' })).status).toBe(201)
    expect(await earningsOf(order.id)).toMatchObject([{ kind: 'order_earning', status: 'voided', amount: lowered }])
    await expectLedgerSound(t.payload)

    // Batched into a payout: the writer keeps it whatever is refunded. (Another writer:
    // the first one's reversal above would net their next payout to nothing.)
    const batchedOrder = await w.must('client', (await deliveredOrder(w, 'client', 'writer2')).id, 'complete')
    const [batchedEarning] = await earningsOf(batchedOrder.id)
    const open = new Date(Date.now() + 15 * 24 * 3600 * 1000)
    await runSchedule(t.payload, 'payouts-windows', open)
    await runSchedule(t.payload, 'payouts-windows', new Date(open.getTime() + 14 * 24 * 3600 * 1000 + 60 * 1000))
    expect((await t.payload.findByID({ collection: 'writer-earnings', id: batchedEarning!.id, depth: 0 })).payoutRecord).toBeTruthy()
    expect((await refund('admin', batchedOrder.id, { amount: 1000, reason: 'Goodwill' })).status).toBe(201)
    expect(await earningsOf(batchedOrder.id)).toMatchObject([{ kind: 'order_earning', status: 'pending', amount: batchedEarning!.amount }])
    await expectLedgerSound(t.payload)
  })
})
