import { beforeAll, describe, expect, it } from 'vitest'

import { confirmAsAdmin } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { eventsOf, workflowClient } from '../helpers/orderWorkflow'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let w: ReturnType<typeof workflowClient>
let orderId: number
let refundId: number
let paymentReference: string
const ALPHA = { host: 'alpha.test' }

moneyTestFile((test) => {
  ;({ t, tokens, ids } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
})

const dossier = (who: string, id = orderId) => t.api.get(`/api/orders/${id}/dossier`, { host: who.startsWith('beta') ? 'beta.test' : 'alpha.test', token: tokens[who] })
const post = (who: string, url: string, body: unknown) => t.api.post(url, { ...ALPHA, token: tokens[who], body })

/**
 * One order with a bit of everything: paid by a confirmed manual payment, a brief, a
 * message in each thread, written, approved and completed (the writer's earning), then
 * partly refunded to the wallet.
 */
beforeAll(async () => {
  const order = await w.place('client')
  orderId = order.id
  const checkout = await post('client', '/api/payments/checkout', { purpose: 'order', order: orderId, provider: 'manual' })
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201)
  paymentReference = checkout.body.payment.reference
  expect((await confirmAsAdmin(t, checkout.body.payment.id)).status).toBe(200)
  const form = new FormData()
  form.append('file', new Blob(['the brief'], { type: 'text/plain' }), 'brief.txt')
  form.append('_payload', JSON.stringify({ order: orderId, purpose: 'instructions' }))
  expect((await post('client', '/api/order-files?depth=0', form)).status).toBe(201)
  await w.must('writer', orderId, 'take')
  for (const [who, thread] of [
    ['client', 'client_support'],
    ['client', 'client_writer'],
    ['writer', 'writer_support'],
  ] as const) {
    expect((await post(who, '/api/order-messages', { order: orderId, thread, body: `${who} in ${thread}` })).status).toBe(201)
  }
  await w.must('writer', orderId, 'submit')
  await w.must('editor', orderId, 'editorApprove')
  await w.must('client', orderId, 'complete')
  const refund = await post('admin', `/api/orders/${orderId}/refunds`, { amount: 1000, destination: 'wallet', reason: 'Late' })
  expect(refund.status).toBe(201)
  refundId = refund.body.refund.id
})

/** Every journal entry whose reference names the order or one of its payments and refunds, found by pattern (not by the dossier's list). */
const journalOfOrder = async () => {
  const { docs } = await t.payload.find({ collection: 'journal-entries', depth: 0, limit: 1000, pagination: false, sort: '-createdAt' })
  const names = new RegExp(`(^|:)order:${orderId}(:|$)|^payment:${paymentReference}$`)
  return docs.filter((entry) => names.test(entry.reference))
}

describe('GET /api/orders/:id/dossier', () => {
  it("shows an admin the order's timeline, files, messages by thread, payments, refunds, journal lines and earning", async () => {
    const res = await dossier('admin')
    expect(res.status).toBe(200)
    const body = res.body
    expect(body.order).toMatchObject({ id: orderId, currency: 'USD' })
    expect(body.can).toEqual({ refund: true })

    const events = await eventsOf(t.payload, orderId)
    expect(body.timeline.total).toBe(events.length)
    expect(body.timeline.docs.map((e: { id: number }) => e.id)).toEqual(events.map((e) => e.id).reverse())
    expect(body.timeline.docs[0]).toMatchObject({ action: 'complete', from: 'submitted', to: 'completed', actor: { id: ids.client, name: expect.any(String) } })

    expect(body.files.total).toBe(1)
    const file = body.files.docs[0]
    expect(file).toMatchObject({ purpose: 'instructions', uploadedBy: { id: ids.client } })
    expect(file.url).toBe(`/api/order-files/file/${encodeURIComponent(file.filename)}`)
    expect((await t.api.raw('GET', file.url, { ...ALPHA, token: tokens.admin })).status).toBe(200)

    expect(body.messages.total).toBe(3)
    expect(Object.fromEntries(Object.entries(body.messages.threads).map(([thread, list]) => [thread, (list as { body: string }[]).map((m) => m.body)]))).toEqual({
      client_support: ['client in client_support'],
      client_writer: ['client in client_writer'],
      writer_support: ['writer in writer_support'],
    })

    expect(body.payments.docs).toEqual([expect.objectContaining({ reference: paymentReference, status: 'succeeded', provider: 'manual' })])
    expect(body.refunds.docs).toEqual([expect.objectContaining({ id: refundId, amount: 1000, destination: 'wallet', reason: 'Late', createdBy: expect.objectContaining({ id: ids.admin }) })])
    expect(body.earnings.docs).toEqual([expect.objectContaining({ kind: 'order_earning', writer: expect.objectContaining({ id: ids.writer }) })])

    // The journal: every entry naming the order (payment, earning, refund, the earning lowered by the refund), each line with its account.
    const expected = await journalOfOrder()
    expect(expected.map((e) => e.type).sort()).toEqual(['client_wallet_refund', 'order_payment', 'reversal', 'writer_earning'])
    expect(body.journal.total).toBe(expected.length)
    expect(body.journal.docs.map((e: { reference: string }) => e.reference)).toEqual(expected.map((e) => e.reference))
    const lines = body.journal.docs.flatMap((e: { lines: { account: { code: string }; debit: number; credit: number }[] }) => e.lines)
    expect(lines).toHaveLength(expected.reduce((n, e) => n + e.lines.length, 0))
    expect(lines).toContainEqual(expect.objectContaining({ account: expect.objectContaining({ code: 'platform_revenue' }), debit: 1000, credit: 0 }))
  })

  it('holds the field and row rules of each role: support reads no journal, an editor no money', async () => {
    const support = (await dossier('support')).body
    expect(support.can).toEqual({ refund: false })
    expect(support.timeline.total).toBeGreaterThan(0)
    expect(support.payments.total).toBe(1)
    expect(support.refunds.total).toBe(1)
    expect(support.journal).toEqual({ total: 0, docs: [] })

    const editor = (await dossier('editor')).body
    expect(editor.can).toEqual({ refund: false })
    expect(editor.timeline.total).toBe(support.timeline.total)
    expect(editor.messages.total).toBe(3)
    expect(editor.payments).toEqual({ total: 0, docs: [] })
    expect(editor.refunds).toEqual({ total: 0, docs: [] })
    expect(editor.journal).toEqual({ total: 0, docs: [] })
    expect(editor.earnings.total).toBe(1)
  })

  it("staff of the order's website only: 403 for its client and writer, 404 for another website, 401 anonymous", async () => {
    expect((await dossier('client')).status).toBe(403)
    expect((await dossier('writer')).status).toBe(403)
    expect((await dossier('client2')).status).toBe(404)
    expect((await dossier('betaAdmin')).status).toBe(404)
    expect((await t.api.get(`/api/orders/${orderId}/dossier`, ALPHA)).status).toBe(401)
    expect((await dossier('admin', 2_147_483_647)).status).toBe(404)
  })
})
