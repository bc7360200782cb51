import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'
import type { Order, PaymentWindow } from '@/payload-types'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { expectLedgerSound } from '../helpers/money'
import { workflowClient } from '../helpers/orderWorkflow'
import { runSchedule } from '../helpers/schedules'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let alphaId: number
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const MINUTE = 60 * 1000
const DAY = 24 * 3600 * 1000

type Row = Record<string, unknown>
const query = async (q: ReturnType<typeof sql>) => (await (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'writer', 'writer2', 'admin', 'support', 'editor']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, ALPHA)
    ids[who] = (await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })).docs[0]!.id
  }
  tokens.betaAdmin = await t.api.login('admin@beta.test', DEMO_PASSWORD, BETA)
  alphaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  w = workflowClient(t.api, 'alpha.test', tokens)
})
afterAll(async () => {
  if (t) await expectLedgerSound(t.payload)
  await t?.close()
})

const runAt = (id: string, now: Date) => runSchedule(t.payload, id, now)

/** A completed order of the alpha client, worked by `writer`: its earning is posted. */
const completed = async (writer = 'writer'): Promise<Order> => {
  const order = await w.place('client')
  await w.must('admin', order.id, 'markPaid')
  await w.must(writer, order.id, 'take')
  await w.must(writer, order.id, 'submit')
  await w.must('editor', order.id, 'editorApprove')
  return w.must('client', order.id, 'complete')
}
const earningOf = async (orderId: number) => (await t.payload.find({ collection: 'writer-earnings', where: { and: [{ order: { equals: orderId } }, { kind: { equals: 'order_earning' } }] }, depth: 0 })).docs[0]!
const earningsOf = async (orderId: number) => (await t.payload.find({ collection: 'writer-earnings', where: { order: { equals: orderId } }, sort: 'id', depth: 0 })).docs
/** The earning was earned at `at` (the order completed then): time passing, not a state shortcut. */
const earnedAt = async (orderId: number, at: Date) => query(sql`UPDATE writer_earnings SET created_at = ${at.toISOString()} WHERE order_id = ${orderId}`)

const alphaWindows = async () => (await t.payload.find({ collection: 'payment-windows', where: { tenant: { equals: alphaId } }, sort: 'opensAt', depth: 0, limit: 0 })).docs
const openWindow = async (): Promise<PaymentWindow> => (await alphaWindows()).find((x) => x.status === 'open')!
const batchesOf = async (windowId: number) => (await t.payload.find({ collection: 'payout-batches', where: { window: { equals: windowId } }, depth: 0 })).docs
const recordsOf = async (batchId: number) => (await t.payload.find({ collection: 'payout-records', where: { batch: { equals: batchId } }, sort: 'writer', depth: 0 })).docs
/** Closes the open window of alpha a minute after its close; returns its batch. */
const closeOpenWindow = async () => {
  const open = await openWindow()
  await runAt('payouts-windows', new Date(new Date(open.closesAt).getTime() + MINUTE))
  const [batch] = await batchesOf(open.id)
  return batch!
}

/** Net credit (credit − debit) of an alpha system account: a credit to cash (money leaving) raises it. */
const accountNet = async (code: string) => {
  const [row] = await query(sql`SELECT COALESCE(SUM(l.credit - l.debit), 0) AS net FROM journal_entries_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE a.tenant_id = ${alphaId} AND a.code = ${code}`)
  return Number(row!.net)
}
const entryCount = async () => Number((await query(sql`SELECT COUNT(*) AS n FROM journal_entries`))[0]!.n)
const outboxEvents = async (event: string) => (await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, limit: 0, depth: 0 })).docs.filter((r) => (r.payload as { event?: string }).event === event)
const writerWallet = async (who: string) => {
  const req = await createLocalReq({}, t.payload)
  const wallet = await inTransaction(req, () => ensureWallet(req, alphaId, ids[who]!, 'writer'))
  return t.payload.findByID({ collection: 'wallets', id: wallet.id, depth: 0 })
}

const pay = (who: string, recordId: number, body: Record<string, unknown>, headers?: Record<string, string>, host = ALPHA) =>
  t.api.post(`/api/payout-records/${recordId}/pay`, { ...host, token: tokens[who], body, headers })

let firstBatch: { id: number; total: number }

describe('payment windows', () => {
  it('opens one window, and closing it (twice, concurrently) makes one batch of the matured earnings only', async () => {
    const start = new Date(Date.now() - 20 * DAY)
    await Promise.all([runAt('payouts-windows', start), runAt('payouts-windows', start)])
    const [w1, ...more] = await alphaWindows()
    expect(more).toHaveLength(0)
    expect(w1).toMatchObject({ status: 'open', opensAt: start.toISOString(), closesAt: new Date(start.getTime() + 14 * DAY).toISOString() })

    // Earned inside the window: a, b (writer) and c (writer2). Voided before the close: e.
    // Earned after the window closed (now, six days after it): d, not matured for it.
    const inside = new Date(Date.now() - 10 * DAY)
    const [a, b, c, d, e] = [await completed(), await completed(), await completed('writer2'), await completed(), await completed()]
    for (const order of [a, b, c, e]) await earnedAt(order.id, inside)
    await w.must('admin', e.id, 'cancel', { reason: 'Plagiarism found' })

    const close = new Date(new Date(w1!.closesAt).getTime() + MINUTE)
    await Promise.all([runAt('payouts-windows', close), runAt('payouts-windows', close)])
    await runAt('payouts-windows', new Date(close.getTime() + 3600 * 1000))

    const batches = await batchesOf(w1!.id)
    expect(batches).toHaveLength(1)
    const [ea, eb, ec, ed] = [await earningOf(a.id), await earningOf(b.id), await earningOf(c.id), await earningOf(d.id)]
    const records = await recordsOf(batches[0]!.id)
    expect(records).toMatchObject([
      { writer: ids.writer, amount: ea.amount + eb.amount, earnings: [ea.id, eb.id], status: 'pending' },
      { writer: ids.writer2, amount: ec.amount, earnings: [ec.id], status: 'pending' },
    ])
    expect(batches[0]).toMatchObject({ total: ea.amount + eb.amount + ec.amount, count: 2, status: 'ready' })
    expect(records.reduce((sum, r) => sum + r.amount, 0)).toBe(batches[0]!.total)
    expect(ed.payoutRecord ?? null).toBeNull()
    expect((await earningOf(e.id)).status).toBe('voided')

    const windows = await alphaWindows()
    expect(windows.map((x) => x.status)).toEqual(['closed', 'open'])
    // The next window follows on from the last, without a gap.
    expect(windows[1]!.opensAt).toBe(w1!.closesAt)
    expect(windows[0]!.batch).toBe(batches[0]!.id)
    firstBatch = { id: batches[0]!.id, total: batches[0]!.total }
    await expectLedgerSound(t.payload)
  })
})

describe('marking a payout record paid', () => {
  it('only an admin of the record\'s website pays, with a method and reference; others get 403, another website 404', async () => {
    const [record] = await recordsOf(firstBatch.id)
    const entries = await entryCount()
    const body = { method: 'bank_transfer', externalReference: 'BANK-1' }
    expect((await pay('support', record!.id, body)).status).toBe(403)
    expect((await pay('writer', record!.id, body)).status).toBe(403)
    expect((await pay('betaAdmin', record!.id, body, undefined, BETA)).status).toBe(404)
    const badMethod = await pay('admin', record!.id, { method: 'cash', externalReference: 'x' })
    expect(badMethod.status).toBe(400)
    expect(badMethod.body.errors[0].data.errors[0].path).toBe('method')
    const noReference = await pay('admin', record!.id, { method: 'paypal' })
    expect(noReference.status).toBe(400)
    expect(noReference.body.errors[0].data.errors[0].path).toBe('externalReference')
    expect(await entryCount()).toBe(entries)
    expect((await t.payload.findByID({ collection: 'payout-records', id: record!.id, depth: 0 })).status).toBe('pending')
    // The writer reads their own record; the other writer does not see it.
    expect((await t.api.get(`/api/payout-records/${record!.id}`, { ...ALPHA, token: tokens.writer })).status).toBe(200)
    expect((await t.api.get(`/api/payout-records/${record!.id}`, { ...ALPHA, token: tokens.writer2 })).status).toBe(404)
  })

  it('moves writer payable through the writer wallet to platform cash, marks the earnings paid, once (409 after)', async () => {
    const [record, other] = await recordsOf(firstBatch.id)
    const payable = await accountNet('writer_payable')
    const cash = await accountNet('platform_cash')
    const walletBefore = await writerWallet('writer')
    const notices = (await outboxEvents('payout.paid')).length

    const key = { 'Idempotency-Key': `pay-${record!.id}` }
    const paid = await pay('admin', record!.id, { method: 'bank_transfer', externalReference: 'BANK-42' }, key)
    expect(paid.status).toBe(200)
    expect(paid.body.record).toMatchObject({ status: 'paid', method: 'bank_transfer', externalReference: 'BANK-42', paidBy: ids.admin })
    expect(paid.body.record.paidAt).toBeTruthy()
    // The same key gives the same answer and does nothing more.
    const replay = await pay('admin', record!.id, { method: 'bank_transfer', externalReference: 'BANK-42' }, key)
    expect(replay).toMatchObject({ status: 200, body: paid.body })

    expect(await accountNet('writer_payable')).toBe(payable - record!.amount)
    expect(await accountNet('platform_cash')).toBe(cash + record!.amount)
    const walletAfter = await writerWallet('writer')
    expect(walletAfter).toMatchObject({ balance: walletBefore.balance, held: walletBefore.held })
    const statement = (await t.api.get('/api/wallets/me?kind=writer', { ...ALPHA, token: tokens.writer })).body
    const references = (await t.payload.find({ collection: 'journal-entries', where: { reference: { like: `payout:record:${record!.id}:` } }, sort: 'id', depth: 0 })).docs
    expect(references.map((e) => [e.reference, e.type])).toEqual([
      [`payout:record:${record!.id}:settle`, 'payout_settled'],
      [`payout:record:${record!.id}:disburse`, 'writer_payout'],
    ])
    // The writer's statement shows the payout arriving and leaving.
    expect(statement.entries.slice(0, 2)).toMatchObject([
      { reference: `payout:record:${record!.id}:disburse`, amount: -record!.amount },
      { reference: `payout:record:${record!.id}:settle`, amount: record!.amount },
    ])
    for (const id of record!.earnings as number[]) {
      expect(await t.payload.findByID({ collection: 'writer-earnings', id, depth: 0 })).toMatchObject({ status: 'paid', paidAt: paid.body.record.paidAt })
    }
    const told = await outboxEvents('payout.paid')
    expect(told).toHaveLength(notices + 1)
    expect(told.at(-1)!.payload).toMatchObject({ audience: { user: ids.writer }, data: { record: record!.id, amount: record!.amount } })
    expect((await t.payload.findByID({ collection: 'payout-batches', id: firstBatch.id, depth: 0 })).status).toBe('partially_paid')

    // Paying again with another key: 409, nothing written.
    const entries = await entryCount()
    const again = await pay('admin', record!.id, { method: 'paypal', externalReference: 'PP-2' }, { 'Idempotency-Key': 'another' })
    expect(again.status).toBe(409)
    expect(await entryCount()).toBe(entries)
    expect((await t.payload.findByID({ collection: 'payout-records', id: record!.id, depth: 0 })).externalReference).toBe('BANK-42')
    expect(await outboxEvents('payout.paid')).toHaveLength(notices + 1)

    expect((await pay('admin', other!.id, { method: 'wise', externalReference: 'WISE-7' })).status).toBe(200)
    expect((await t.payload.findByID({ collection: 'payout-batches', id: firstBatch.id, depth: 0 })).status).toBe('paid')
    await expectLedgerSound(t.payload)
  })

  it('cancelling an order whose earning was paid out creates a reversal, netted from the writer\'s next payouts', async () => {
    const [record] = await recordsOf(firstBatch.id)
    const paidOrder = (await t.payload.findByID({ collection: 'writer-earnings', id: (record!.earnings as number[])[0]!, depth: 0 })).order as number
    const paidEarning = await earningOf(paidOrder)
    await w.must('admin', paidOrder, 'cancel', { reason: 'Chargeback' })
    expect(await earningsOf(paidOrder)).toMatchObject([
      { kind: 'order_earning', status: 'paid', amount: paidEarning.amount },
      { kind: 'reversal', status: 'pending', amount: paidEarning.amount },
    ])

    // The writer's one unbatched earning (d, from the first test) is eaten by the reversal:
    // no payout for them; both wait.
    const pendingD = (await t.payload.find({ collection: 'writer-earnings', where: { and: [{ writer: { equals: ids.writer } }, { status: { equals: 'pending' } }, { kind: { equals: 'order_earning' } }] }, depth: 0 })).docs
    expect(pendingD).toHaveLength(1)
    expect(pendingD[0]!.amount).toBe(paidEarning.amount)
    const second = await closeOpenWindow()
    expect(second).toMatchObject({ total: 0, count: 0 })

    const f = await completed()
    const third = await closeOpenWindow()
    const ef = await earningOf(f.id)
    const [reversal] = (await earningsOf(paidOrder)).filter((e) => e.kind === 'reversal')
    const records = await recordsOf(third.id)
    expect(records).toMatchObject([{ writer: ids.writer, amount: pendingD[0]!.amount + ef.amount - reversal!.amount }])
    expect([...(records[0]!.earnings as number[])].sort()).toEqual([pendingD[0]!.id, reversal!.id, ef.id].sort())
    const payable = await accountNet('writer_payable')
    expect((await pay('admin', records[0]!.id, { method: 'paypal', externalReference: 'PP-9' })).status).toBe(200)
    expect(await accountNet('writer_payable')).toBe(payable - records[0]!.amount)
    expect((await t.payload.findByID({ collection: 'writer-earnings', id: reversal!.id, depth: 0 })).status).toBe('paid')
    await expectLedgerSound(t.payload)
  })

  it('cancelling an order whose earning is batched but unpaid creates a reversal, not a void', async () => {
    const g = await completed('writer2')
    const batch = await closeOpenWindow()
    const eg = await earningOf(g.id)
    expect(eg.payoutRecord).toBeTruthy()
    await w.must('admin', g.id, 'cancel', { reason: 'Client disputed' })
    expect(await earningsOf(g.id)).toMatchObject([
      { kind: 'order_earning', status: 'pending', payoutRecord: eg.payoutRecord },
      { kind: 'reversal', status: 'pending', amount: eg.amount },
    ])
    expect((await recordsOf(batch.id))[0]).toMatchObject({ writer: ids.writer2, amount: eg.amount })
    await expectLedgerSound(t.payload)
  })
})

describe('payout requests', () => {
  const request = (who: string, body: Record<string, unknown>, host = ALPHA) => t.api.post('/api/payout-requests', { ...host, token: tokens[who], body })
  const decide = (who: string, id: number, action: 'approve' | 'reject', body: Record<string, unknown>, host = ALPHA) =>
    t.api.post(`/api/payout-requests/${id}/${action}`, { ...host, token: tokens[who], body })
  const credit = async (who: string, amount: number) => {
    const wallet = await writerWallet(who)
    const res = await t.api.post(`/api/wallets/${wallet.id}/adjust`, { ...ALPHA, token: tokens.admin, body: { direction: 'credit', amount, reason: 'Bonus' } })
    expect(res.status).toBe(201)
    return wallet.id
  }
  const requestCount = async () => (await t.payload.count({ collection: 'payout-requests' })).totalDocs

  it('holds the amount (available → held); more than available is 422 with the shortfall and writes nothing', async () => {
    await credit('writer', 5000)
    const before = await writerWallet('writer')
    const count = await requestCount()
    const over = await request('writer', { amount: before.balance + 1 })
    expect(over.status).toBe(422)
    expect(over.body.errors[0].data).toMatchObject({ shortfall: 1 })
    expect(await requestCount()).toBe(count)
    expect(await writerWallet('writer')).toMatchObject({ balance: before.balance, held: before.held })
    expect((await request('writer', { amount: 0 })).body.errors[0].data.errors[0].path).toBe('amount')
    expect((await request('client', { amount: 100 })).status).toBe(403)

    const made = await request('writer', { amount: 3000 })
    expect(made.status).toBe(201)
    expect(made.body.request).toMatchObject({ status: 'pending', amount: 3000, writer: ids.writer })
    expect(await writerWallet('writer')).toMatchObject({ balance: before.balance - 3000, held: before.held + 3000 })
    // One open request at a time (the reference's rule, a website setting).
    expect((await request('writer', { amount: 100 })).status).toBe(409)
    await expectLedgerSound(t.payload)
  })

  it('approve captures the hold (money leaves to platform cash), once; only admins of the website decide', async () => {
    const [pending] = (await t.payload.find({ collection: 'payout-requests', where: { and: [{ writer: { equals: ids.writer } }, { status: { equals: 'pending' } }] }, depth: 0 })).docs
    const body = { method: 'paypal', externalReference: 'PP-100' }
    expect((await decide('support', pending!.id, 'approve', body)).status).toBe(403)
    expect((await decide('writer', pending!.id, 'approve', body)).status).toBe(403)
    expect((await decide('betaAdmin', pending!.id, 'approve', body, BETA)).status).toBe(404)
    expect((await t.api.get(`/api/payout-requests/${pending!.id}`, { ...ALPHA, token: tokens.writer2 })).status).toBe(404)
    const before = await writerWallet('writer')
    const cash = await accountNet('platform_cash')
    const approved = await decide('admin', pending!.id, 'approve', body)
    expect(approved.status).toBe(200)
    expect(approved.body.request).toMatchObject({ status: 'approved', method: 'paypal', externalReference: 'PP-100', decidedBy: ids.admin })
    expect(await writerWallet('writer')).toMatchObject({ balance: before.balance, held: before.held - pending!.amount })
    expect(await accountNet('platform_cash')).toBe(cash + pending!.amount)
    const entries = await entryCount()
    expect((await decide('admin', pending!.id, 'approve', body)).status).toBe(409)
    expect((await decide('admin', pending!.id, 'reject', { reason: 'Late' })).status).toBe(409)
    expect(await entryCount()).toBe(entries)
    await expectLedgerSound(t.payload)
  })

  it('reject releases the hold; a reason is required', async () => {
    const before = await writerWallet('writer')
    const made = await request('writer', { amount: 1000 })
    expect(made.status).toBe(201)
    const noReason = await decide('admin', made.body.request.id, 'reject', {})
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].data.errors[0].path).toBe('reason')
    const rejected = await decide('admin', made.body.request.id, 'reject', { reason: 'Bank details missing' })
    expect(rejected.body.request).toMatchObject({ status: 'rejected', reason: 'Bank details missing' })
    expect(await writerWallet('writer')).toMatchObject({ balance: before.balance, held: before.held })
    await expectLedgerSound(t.payload)
  })

  it('an approve and a reject at once: exactly one wins, the hold moves once', async () => {
    const before = await writerWallet('writer')
    const made = await request('writer', { amount: 800 })
    expect(made.status).toBe(201)
    const id = made.body.request.id as number
    const answers = await Promise.all([decide('admin', id, 'approve', { method: 'wise', externalReference: 'W-RACE' }), decide('admin', id, 'reject', { reason: 'Race' })])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const after = await writerWallet('writer')
    const won = (await t.payload.findByID({ collection: 'payout-requests', id, depth: 0 })).status
    // Approved: 800 left the wallet; rejected: it is all back. Never both, never half.
    expect(after).toMatchObject(won === 'approved' ? { balance: before.balance - 800, held: before.held } : { balance: before.balance, held: before.held })
    await expectLedgerSound(t.payload)
  })

  it('a request still pending after the website\'s 14 days expires by schedule and is released', async () => {
    const before = await writerWallet('writer')
    const made = await request('writer', { amount: 700 })
    const created = new Date(made.body.request.createdAt).getTime()
    await runAt('payouts-request-expiry', new Date(created + 13 * DAY))
    expect((await t.payload.findByID({ collection: 'payout-requests', id: made.body.request.id, depth: 0 })).status).toBe('pending')
    await runAt('payouts-request-expiry', new Date(created + 14 * DAY + MINUTE))
    await runAt('payouts-request-expiry', new Date(created + 15 * DAY))
    expect((await t.payload.findByID({ collection: 'payout-requests', id: made.body.request.id, depth: 0 })).status).toBe('expired')
    expect(await writerWallet('writer')).toMatchObject({ balance: before.balance, held: before.held })
    expect((await decide('admin', made.body.request.id, 'approve', { method: 'wise', externalReference: 'W' })).status).toBe(409)
    await expectLedgerSound(t.payload)
  })

  it('10 concurrent requests against a balance that covers 3 make exactly 3 holds', async () => {
    const alpha = await t.payload.findByID({ collection: 'tenants', id: alphaId, depth: 0 })
    await t.payload.update({ collection: 'tenants', id: alphaId, data: { settings: { ...alpha.settings, payouts: { ...alpha.settings?.payouts, maxOpenRequests: 10 } } }, depth: 0 })
    const start = await writerWallet('writer2')
    await credit('writer2', 3500 - start.balance)
    const answers = await Promise.all(Array.from({ length: 10 }, () => request('writer2', { amount: 1000 })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422, 422, 422])
    expect(await writerWallet('writer2')).toMatchObject({ balance: 500, held: start.held + 3000 })
    expect((await t.payload.count({ collection: 'payout-requests', where: { and: [{ writer: { equals: ids.writer2 } }, { status: { equals: 'pending' } }] } })).totalDocs).toBe(3)
    await expectLedgerSound(t.payload)
  })
})

describe('workflow actions (DESIGN §6)', () => {
  const actions = (who: string, path: string, host = ALPHA) => t.api.get(`/api/${path}/actions`, { ...host, token: tokens[who] })

  it('lists what the caller may do with a payout record and performs it through /actions/pay', async () => {
    const [record] = (await t.payload.find({ collection: 'payout-records', where: { and: [{ writer: { equals: ids.writer2 } }, { status: { equals: 'pending' } }] }, depth: 0 })).docs
    const path = `payout-records/${record!.id}`
    expect((await actions('admin', path)).body).toEqual({
      available: [
        {
          action: 'pay',
          label: 'Mark paid',
          money: true,
          input: { type: 'object', properties: { method: { type: 'string', enum: ['bank_transfer', 'paypal', 'wise', 'other'] }, externalReference: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['method', 'externalReference'] },
        },
      ],
      blocked: [],
    })
    // What the role rules out is not listed; doing it anyway is 403.
    expect((await actions('support', path)).body).toEqual({ available: [], blocked: [] })
    expect((await actions('writer2', path)).body).toEqual({ available: [], blocked: [] })
    expect((await t.api.post(`/api/${path}/actions/pay`, { ...ALPHA, token: tokens.support, body: { method: 'other', externalReference: 'X' } })).status).toBe(403)
    expect((await actions('writer', path)).status).toBe(404)
    expect((await actions('betaAdmin', path, BETA)).status).toBe(404)
    expect((await t.api.post(`/api/${path}/actions/refund`, { ...ALPHA, token: tokens.admin, body: {} })).status).toBe(404)
    const paid = await t.api.post(`/api/${path}/actions/pay`, { ...ALPHA, token: tokens.admin, body: { method: 'other', externalReference: 'CHEQUE-3' } })
    expect(paid.status).toBe(200)
    expect(paid.body.doc).toMatchObject({ status: 'paid', externalReference: 'CHEQUE-3' })
    expect(paid.body.event).toMatchObject({ collection: 'payout-records', document: record!.id, action: 'pay', from: 'pending', to: 'paid', actor: ids.admin })
    // The status now rules it out: not listed, and 409 when tried.
    expect((await actions('admin', path)).body).toEqual({ available: [], blocked: [] })
    expect((await t.api.post(`/api/${path}/actions/pay`, { ...ALPHA, token: tokens.admin, body: { method: 'other', externalReference: 'CHEQUE-4' } })).status).toBe(409)
    await expectLedgerSound(t.payload)
  })

  it('lists approve and reject for a pending payout request and rejects through /actions/reject', async () => {
    const [pending] = (await t.payload.find({ collection: 'payout-requests', where: { and: [{ writer: { equals: ids.writer2 } }, { status: { equals: 'pending' } }] }, depth: 0 })).docs
    const path = `payout-requests/${pending!.id}`
    expect((await actions('admin', path)).body.available.map((a: { action: string }) => a.action)).toEqual(['approve', 'reject'])
    const before = await writerWallet('writer2')
    const rejected = await t.api.post(`/api/${path}/actions/reject`, { ...ALPHA, token: tokens.admin, body: { reason: 'Duplicate' } })
    expect(rejected.body.doc).toMatchObject({ status: 'rejected', reason: 'Duplicate' })
    expect(rejected.body.event).toMatchObject({ action: 'reject', from: 'pending', to: 'rejected', reason: 'Duplicate' })
    expect(await writerWallet('writer2')).toMatchObject({ balance: before.balance + pending!.amount, held: before.held - pending!.amount })
    expect((await actions('admin', path)).body).toEqual({ available: [], blocked: [] })
    await expectLedgerSound(t.payload)
  })
})
