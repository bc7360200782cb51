import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'
import { performOrderAction } from '@/operations/orders/performOrderAction'
import { failPayment } from '@/operations/payments/settlePayment'
import type { Outbox } from '@/payload-types'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { workflowClient } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Issue 15's wiring: the events of the earlier issues reach their parties through
 * `notify()` (observed here by the live event it queues per recipient, in the business
 * transaction), each party once, never the actor, nobody when the change rolls back.
 */
let t: TestContext
let w: ReturnType<typeof workflowClient>
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const ALPHA = { host: 'alpha.test' }

type LiveEvent = { audience: { user?: number; staffOfTenant?: number }; event: string; data: Record<string, unknown> }

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'client2', 'writer', 'writer2', 'admin', 'support', 'editor']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, ALPHA)
    ids[who] = (await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })).docs[0]!.id
  }
  w = workflowClient(t.api, 'alpha.test', tokens)
})
afterAll(async () => t?.close())

/** The live events of one event key queued so far (in id order). */
const told = async (event: string, match: (data: Record<string, unknown>) => boolean = () => true): Promise<LiveEvent[]> => {
  const { docs } = await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'live.event' } }, { 'payload.event': { equals: event } }] }, sort: 'id', limit: 0, depth: 0 })
  return (docs as Outbox[]).map((row) => row.payload as unknown as LiveEvent).filter((p) => match(p.data))
}
/** The in-app rows of one event and order, and the mail jobs queued for them: what `notify()` delivers besides the live event. */
const delivered = async (event: string, orderId: number) => {
  const rows = (await t.payload.find({ collection: 'notifications', where: { event: { equals: event } }, limit: 0, depth: 0, sort: 'id' })).docs.filter(
    (row) => (row.data as Record<string, unknown> | null)?.orderId === orderId,
  )
  const mails = (await t.payload.find({ collection: 'outbox', where: { type: { equals: 'notification.mail' } }, limit: 0, depth: 0 })).docs.filter((job) =>
    rows.some((row) => (job.payload as { notificationId?: number }).notificationId === row.id),
  )
  return { recipients: rows.map((row) => (typeof row.recipient === 'object' ? row.recipient.id : row.recipient)).sort(), mails: mails.length }
}
const usersOf = (events: LiveEvent[]) => events.map((e) => e.audience.user).filter((u): u is number => u !== undefined).sort()
const ofOrder = (orderId: number) => (data: Record<string, unknown>) => data.orderId === orderId

describe('an order assigned', () => {
  it('tells the client and the writer once each, not the admin who assigned, and staff still get order.changed', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    await w.must('admin', order.id, 'assign', { writer: ids.writer })
    const assigned = await told('order.assigned', ofOrder(order.id))
    expect(usersOf(assigned)).toEqual([ids.client!, ids.writer!].sort())
    expect(assigned.every((e) => e.audience.user !== ids.admin)).toBe(true)
    const toClient = assigned.find((e) => e.audience.user === ids.client)!
    const toWriter = assigned.find((e) => e.audience.user === ids.writer)!
    expect(toClient.data).toMatchObject({ orderId: order.id, number: order.number, action: 'assign', to: 'in_progress', currency: order.currency, total: order.total })
    // The client's price is never the writer's: not in their live event, not in their notification.
    expect(toWriter.data).toMatchObject({ orderId: order.id, number: order.number, action: 'assign', to: 'in_progress' })
    expect(toWriter.data).not.toHaveProperty('total')
    const inbox = await t.api.get('/api/notifications?limit=100', { ...ALPHA, token: tokens.writer })
    const mine = inbox.body.docs.filter((d: { event: string; data: { orderId?: number } }) => d.event === 'order.assigned' && d.data?.orderId === order.id)
    expect(mine).toHaveLength(1)
    expect(JSON.stringify(mine[0])).not.toContain(`"total"`)
    // One in-app notification and one mail each, beside the live event.
    expect(await delivered('order.assigned', order.id)).toEqual({ recipients: [ids.client!, ids.writer!].sort(), mails: 2 })
    const staff = await told('order.changed', (d) => d.orderId === order.id && d.action === 'assign')
    const tenant = typeof order.tenant === 'object' ? order.tenant?.id : order.tenant
    expect(staff.map((e) => e.audience)).toEqual([{ staffOfTenant: tenant }])
  })

  it('tells the client when the writer takes the order, but not the writer who took it', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer2', order.id, 'take')
    expect(usersOf(await told('order.assigned', ofOrder(order.id)))).toEqual([ids.client])
    // The paid order: the client heard of it from staff's markPaid.
    expect(usersOf(await told('order.paid', ofOrder(order.id)))).toEqual([ids.client])
  })

  it('tells nobody when the transaction rolls back', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const admin = await t.payload.findByID({ collection: 'users', id: ids.admin!, depth: 0 })
    const req = await createLocalReq({ user: { ...admin, collection: 'users' } as never }, t.payload)
    const outboxBefore = (await t.payload.count({ collection: 'outbox' })).totalDocs
    await expect(
      inTransaction(req, async () => {
        await performOrderAction(req, order.id, 'assign', { writer: ids.writer })
        throw new Error('something later in the same change failed')
      }),
    ).rejects.toThrow('something later')
    expect(await told('order.assigned', ofOrder(order.id))).toEqual([])
    expect(await delivered('order.assigned', order.id)).toEqual({ recipients: [], mails: 0 })
    expect((await t.payload.count({ collection: 'outbox' })).totalDocs).toBe(outboxBefore)
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('ready_for_staffing')
  })

  it('tells the parties of submission, completion and a revision request, never the client who acted', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer', order.id, 'take')
    await w.must('writer', order.id, 'submit')
    expect(usersOf(await told('order.submitted', ofOrder(order.id)))).toContain(ids.client)
    await w.must('editor', order.id, 'editorApprove')
    await w.must('client', order.id, 'complete')
    // The client completed it: the writer and the order's editor hear, the client does not.
    expect(usersOf(await told('order.completed', ofOrder(order.id)))).toEqual([ids.writer!, ids.editor!].sort())
    await w.must('client', order.id, 'requestRevision', { reason: 'One more source.' })
    const revision = await told('order.revision_requested', ofOrder(order.id))
    expect(usersOf(revision)).toEqual([ids.writer!, ids.editor!].sort())
    // The reason is the timeline's (staff's), not a notification fact.
    expect(JSON.stringify(revision)).not.toContain('One more source')
  })
})

describe('money events', () => {
  it('an order cancelled by an admin tells the client and the writer, and the client of the refund to their wallet', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer', order.id, 'take')
    await w.must('admin', order.id, 'cancel', { reason: 'Client asked by phone.' })
    expect(usersOf(await told('order.cancelled', ofOrder(order.id)))).toEqual([ids.client!, ids.writer!].sort())
    const refund = await told('refund.issued', ofOrder(order.id))
    expect(usersOf(refund)).toEqual([ids.client])
    expect(refund[0]!.data).toMatchObject({ orderId: order.id, number: order.number, destination: 'wallet', currency: order.currency })
    expect(refund[0]!.data.amount).toBeGreaterThan(0)
  })

  it('a confirmed manual payment sends the client its receipt; a failed payment tells the client once', async () => {
    const started = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'wallet_top_up', amount: 2500, provider: 'manual' } })
    expect(started.status).toBe(201)
    const payment = started.body.payment as { id: number }
    expect((await t.api.post(`/api/payments/${payment.id}/confirm`, { ...ALPHA, token: tokens.admin, body: {} })).status).toBe(200)
    const receipt = await told('payment.succeeded', (d) => d.paymentId === payment.id)
    expect(usersOf(receipt)).toEqual([ids.client2])
    expect(receipt[0]!.data).toMatchObject({ amount: 2500, purpose: 'wallet_top_up', currency: expect.any(String), receipt: expect.any(String) })

    const second = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'wallet_top_up', amount: 1500, provider: 'manual' } })
    const failing = second.body.payment as { id: number }
    await failPayment(await createLocalReq({}, t.payload), failing.id, 'failed', 'The bank refused it.')
    await failPayment(await createLocalReq({}, t.payload), failing.id, 'expired', 'Too late anyway.')
    const failed = await told('payment.failed', (d) => d.paymentId === failing.id)
    expect(usersOf(failed)).toEqual([ids.client2])
  })

  it('a fine issued by an admin tells the writer, not the admin; an appeal the writer makes tells nobody by name', async () => {
    const res = await t.api.post('/api/fines', { ...ALPHA, token: tokens.admin, body: { writer: ids.writer2, type: 'wrong_files', reason: 'Wrong files, no order.' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const fineId = res.body.doc.id as number
    const issued = await told('fine.issued', (d) => d.fine === fineId)
    expect(usersOf(issued)).toEqual([ids.writer2])
    expect(issued[0]!.data).toMatchObject({ fine: fineId, currency: expect.any(String) })
    expect((await t.api.post(`/api/fines/${fineId}/actions/dispute`, { ...ALPHA, token: tokens.writer2, body: { reason: 'I sent the right ones.' } })).status).toBe(200)
    expect(await told('fine.dispute', (d) => d.fine === fineId)).toEqual([])
    expect((await t.api.post(`/api/fines/${fineId}/actions/waive`, { ...ALPHA, token: tokens.support, body: { reason: 'Checked: they were right.' } })).status).toBe(200)
    expect(usersOf(await told('fine.waive', (d) => d.fine === fineId))).toEqual([ids.writer2])
  })

  it('a payout request decided by an admin tells the writer, not the admin', async () => {
    const req = await createLocalReq({}, t.payload)
    const alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
    const walletId = (await inTransaction(req, () => ensureWallet(req, alpha, ids.writer!, 'writer'))).id
    expect((await t.api.post(`/api/wallets/${walletId}/adjust`, { ...ALPHA, token: tokens.admin, body: { direction: 'credit', amount: 4000, reason: 'Bonus' } })).status).toBe(201)
    const made = await t.api.post('/api/payout-requests', { ...ALPHA, token: tokens.writer, body: { amount: 3000 } })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const requestId = (made.body.doc ?? made.body.request).id as number
    const rejected = await t.api.post(`/api/payout-requests/${requestId}/reject`, { ...ALPHA, token: tokens.admin, body: { reason: 'Details missing' } })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    const toldWriter = await told('payout_request.rejected', (d) => d.request === requestId)
    expect(usersOf(toldWriter)).toEqual([ids.writer])
    expect(toldWriter[0]!.data).toMatchObject({ amount: 3000, reason: 'Details missing', currency: expect.any(String) })
  })
})
