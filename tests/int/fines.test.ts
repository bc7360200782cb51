import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { latenessFine } from '@/domain/fines/lateness'
import { writerPayOf } from '@/operations/fines/issue'
import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'
import type { Fine, Order } from '@/payload-types'

import { moneyTestFile } from '../helpers/moneyTestFile'
import { workflowClient } from '../helpers/orderWorkflow'
import { runSchedule } from '../helpers/schedules'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let alphaId: number
let tokens: Record<string, string>
let ids: Record<string, number>
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

type Row = Record<string, unknown>
const query = async (q: ReturnType<typeof sql>) => (await (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha: alphaId } = test)
  ids.betaWriter = (await t.payload.find({ collection: 'users', where: { email: { equals: 'writer@beta.test' } }, depth: 0 })).docs[0]!.id
  w = workflowClient(t.api, 'alpha.test', tokens)
  // Many orders per writer in this file: their level's limit on active orders is not under test here.
  const levels = await t.payload.find({ collection: 'writer-levels', where: { tenant: { equals: alphaId } }, depth: 0, limit: 0 })
  for (const level of levels.docs) await t.payload.update({ collection: 'writer-levels', id: level.id, data: { maxActiveOrders: 1000, maxManualTakes: 1000 }, depth: 0 })
})

const orderDoc = (id: number) => t.payload.findByID({ collection: 'orders', id, depth: 0 })
const finesOf = async (orderId: number) => (await t.payload.find({ collection: 'fines', where: { order: { equals: orderId } }, sort: 'id', depth: 0 })).docs
const fineDoc = (id: number) => t.payload.findByID({ collection: 'fines', id, depth: 0 })
const earningOf = async (orderId: number) => (await t.payload.find({ collection: 'writer-earnings', where: { and: [{ order: { equals: orderId } }, { kind: { equals: 'order_earning' } }] }, depth: 0 })).docs[0]!
const rowsOfFine = async (fineId: number) => (await t.payload.find({ collection: 'writer-earnings', where: { fine: { equals: fineId } }, sort: 'id', depth: 0 })).docs
const setFines = (fines: Record<string, unknown>) => t.payload.update({ collection: 'tenants', id: alphaId, data: { settings: { fines } } as never, depth: 0 })

/** Paid, taken by `writer`, whose deadline passed `hoursLate` hours ago (time passing), then submitted. */
const late = async (hoursLate: number, writer = 'writer'): Promise<Order> => {
  const order = await w.place('client')
  await w.must('admin', order.id, 'markPaid')
  await w.must(writer, order.id, 'take')
  await query(sql`UPDATE orders SET writer_deadline = ${new Date(Date.now() - hoursLate * HOUR).toISOString()} WHERE id = ${order.id}`)
  return w.must(writer, order.id, 'submit')
}
const completeIt = async (orderId: number) => {
  await w.must('editor', orderId, 'editorApprove')
  return w.must('client', orderId, 'complete')
}
const completed = async (writer = 'writer') => completeIt((await late(-48, writer)).id)

const act = (who: string, fineId: number, action: string, body: Record<string, unknown> = {}, host = ALPHA) => t.api.post(`/api/fines/${fineId}/actions/${action}`, { ...host, token: tokens[who], body })
const issue = (who: string, body: Record<string, unknown>, host = ALPHA) => t.api.post('/api/fines', { ...host, token: tokens[who], body })
const mustIssue = async (body: Record<string, unknown>): Promise<Fine> => {
  const res = await issue('admin', body)
  if (res.status !== 201) throw new Error(`issuing failed: ${res.status} ${JSON.stringify(res.body)}`)
  return fineDoc(res.body.doc.id)
}
const must = async (who: string, fineId: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, fineId, action, body)
  if (res.status !== 200) throw new Error(`${who} ${action} on fine ${fineId}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as Fine
}

/** Net debit (debit − credit) of an alpha system account. */
const accountDebit = async (code: string) => {
  const [row] = await query(sql`SELECT COALESCE(SUM(l.debit - l.credit), 0) AS net FROM journal_entries_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE a.tenant_id = ${alphaId} AND a.code = ${code}`)
  return Number(row!.net)
}
const liveEvents = async (event: string, user: number) =>
  (await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, limit: 0, depth: 0 })).docs.filter((r) => {
    const p = r.payload as { event?: string; audience?: { user?: number } }
    return p.event === event && p.audience?.user === user
  })

describe('the lateness fine (reference §7)', () => {
  it('fines the reference’s examples: 1.5 h / 2.5 h / 5 h / 30 h late → 5 / 15 / 40 / 100 % of the writer pay (cumulative)', async () => {
    for (const [hours, percent] of [
      [1.5, 5],
      [2.5, 15],
      [5, 40],
      [30, 100],
    ] as const) {
      const order = await late(hours)
      const pay = writerPayOf(await orderDoc(order.id))
      expect(pay).toBeGreaterThan(0)
      const fines = await finesOf(order.id)
      expect(fines).toHaveLength(1)
      expect(fines[0]).toMatchObject({ type: 'late_submission', status: 'issued', writer: ids.writer, percent, amount: latenessFine(pay, hours), reference: `fine:lateness:order:${order.id}` })
      expect(fines[0]!.amount).toBe(Math.round((pay * percent) / 100))
    }
  })

  it('takes the bracket in progressive mode, the order total as base when set, and nothing on time or when disabled', async () => {
    await setFines({ latenessMode: 'progressive' })
    const five = await late(5)
    const thirty = await late(30)
    expect((await finesOf(five.id))[0]).toMatchObject({ percent: 25, amount: latenessFine(writerPayOf(await orderDoc(five.id)), 5, { mode: 'progressive', hour1: 5, hour2: 10, hour3: 15, perHourAfter3: 5, perDay: 20, maxPercent: 100 }) })
    expect((await finesOf(thirty.id))[0]).toMatchObject({ percent: 20 })
    await setFines({ latenessMode: 'cumulative', latenessBase: 'order_total', latenessMaxPercent: 30 })
    const capped = await late(30)
    const total = (await orderDoc(capped.id)).total
    expect((await finesOf(capped.id))[0]).toMatchObject({ percent: 30, amount: Math.round((total * 30) / 100) })
    await setFines({ latenessBase: 'writer_pay', latenessMaxPercent: 100, latenessEnabled: false })
    expect(await finesOf((await late(5)).id)).toHaveLength(0)
    await setFines({ latenessEnabled: true })
    expect(await finesOf((await late(0.5)).id)).toHaveLength(0)
    expect(await finesOf((await late(-3)).id)).toHaveLength(0)
  })

  it('defect: the lateness fine is issued automatically on a late submission (reference §16)', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer', order.id, 'take')
    await query(sql`UPDATE orders SET writer_deadline = ${new Date(Date.now() - 2.5 * HOUR).toISOString()} WHERE id = ${order.id}`)
    // A submit retried at once: one goes through, one fine.
    const [a, b] = await Promise.all([w.act('writer', order.id, 'submit'), w.act('writer', order.id, 'submit')])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const [fine] = await finesOf(order.id)
    expect(await finesOf(order.id)).toHaveLength(1)
    expect(await liveEvents('fine.issued', ids.writer!)).toEqual(expect.arrayContaining([expect.objectContaining({ payload: expect.objectContaining({ data: expect.objectContaining({ fine: fine!.id }) }) })]))
    // A revision and a resubmission, later still: no second fine.
    await w.must('editor', order.id, 'editorRequestRevision', { reason: 'More sources, please.' })
    await w.must('writer', order.id, 'acknowledge')
    await w.must('writer', order.id, 'submit')
    expect(await finesOf(order.id)).toHaveLength(1)
    // Waived, then another round: still the one (waived) fine.
    await must('support', fine!.id, 'waive', { reason: 'The client changed the brief.' })
    await w.must('editor', order.id, 'editorRequestRevision', { reason: 'One more pass.' })
    await w.must('writer', order.id, 'acknowledge')
    await w.must('writer', order.id, 'submit')
    const after = await finesOf(order.id)
    expect(after.map((f) => f.status)).toEqual(['waived'])
  })
})

describe('fines and the writer’s money', () => {
  it('the earning at completion is net of the fine; a waiver restores it', async () => {
    const order = await late(5)
    const gross = writerPayOf(await orderDoc(order.id))
    const [fine] = await finesOf(order.id)
    expect(fine!.effect?.appliedAt ?? null).toBeNull()
    await completeIt(order.id)
    expect((await earningOf(order.id)).amount).toBe(gross - fine!.amount!)
    expect(await fineDoc(fine!.id)).toMatchObject({ effect: { fromEarning: fine!.amount, receivable: 0 } })
    const waived = await must('admin', fine!.id, 'waive', { reason: 'Sick leave, documented.' })
    expect(waived).toMatchObject({ status: 'waived', effect: { restored: fine!.amount } })
    expect((await earningOf(order.id)).amount).toBe(gross)
    // A void after the waiver gives nothing back twice.
    await must('admin', fine!.id, 'void', { reason: 'Issued in error.' })
    expect((await earningOf(order.id)).amount).toBe(gross)
  })

  it('a staff fine on a completed order takes a percentage of the writer pay, within its bounds', async () => {
    const order = await completed()
    const pay = (await earningOf(order.id)).amount
    const fine = await mustIssue({ writer: ids.writer, order: order.id, type: 'quality_issue', reason: 'Off-topic sections.' })
    expect(fine).toMatchObject({ status: 'issued', issuedBy: ids.admin, amount: Math.min(5000, Math.max(500, Math.round(pay / 10))) })
    expect((await earningOf(order.id)).amount).toBe(pay - fine.amount!)
  })

  it('refuses a bad staff fine naming the field, and lets only admins and support issue', async () => {
    const mine = await completed()
    const theirs = await completed('writer2')
    const base = { writer: ids.writer, type: 'wrong_files', reason: 'Wrong file uploaded.' }
    const before = (await t.payload.count({ collection: 'fines' })).totalDocs
    for (const [body, path] of [
      [{ ...base, writer: ids.betaWriter }, 'writer'],
      [{ ...base, writer: ids.client }, 'writer'],
      [{ ...base, order: theirs.id }, 'order'],
      [{ ...base, type: 'no_such_type' }, 'type'],
      [{ ...base, type: 'quality_issue' }, 'amount'],
      [{ ...base, type: 'late_submission', order: mine.id }, 'amount'],
    ] as const) {
      const res = await issue('admin', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe(path)
    }
    for (const who of ['writer', 'client', 'editor']) expect((await issue(who, base)).status).toBe(403)
    expect((await issue('betaAdmin', base, BETA)).status).toBe(400)
    expect((await t.payload.count({ collection: 'fines' })).totalDocs).toBe(before)
    expect((await issue('support', base)).status).toBe(201)
  })

  it('write-off: an admin gives up what the writer owes; the fine stands', async () => {
    const fine = await mustIssue({ writer: ids.writer, type: 'wrong_files', reason: 'Wrong files, no order.' })
    expect(fine).toMatchObject({ amount: 1000, effect: { fromEarning: 0, receivable: 1000 } })
    const [row] = await rowsOfFine(fine.id)
    expect(row).toMatchObject({ kind: 'fine', amount: 1000, status: 'pending' })
    const writtenOffBefore = await accountDebit('fines_written_off')
    expect((await act('support', fine.id, 'writeOff', { reason: 'Writer left.' })).status).toBe(403)
    const done = await must('admin', fine.id, 'writeOff', { reason: 'Writer left the platform.' })
    expect(done).toMatchObject({ status: 'issued', effect: { writtenOff: 1000 } })
    expect((await rowsOfFine(fine.id))[0]!.status).toBe('voided')
    expect((await accountDebit('fines_written_off')) - writtenOffBefore).toBe(1000)
    const again = await act('admin', fine.id, 'writeOff', { reason: 'Again.' })
    expect(again.status).toBe(422)
  })
})

describe('receivables and payouts', () => {
  const runAt = (id: string, now: Date) => runSchedule(t.payload, id, now)
  const earnedAt = async (orderId: number, at: Date) => query(sql`UPDATE writer_earnings SET created_at = ${at.toISOString()} WHERE order_id = ${orderId}`)
  const openWindow = async () => (await t.payload.find({ collection: 'payment-windows', where: { and: [{ tenant: { equals: alphaId } }, { status: { equals: 'open' } }] }, depth: 0 })).docs[0]!
  const closeOpenWindow = async () => {
    const open = await openWindow()
    await runAt('payouts-windows', new Date(new Date(open.closesAt).getTime() + MINUTE))
    return (await t.payload.find({ collection: 'payout-batches', where: { window: { equals: open.id } }, depth: 0 })).docs[0]!
  }
  const recordOf = async (batchId: number, writer: number) => (await t.payload.find({ collection: 'payout-records', where: { and: [{ batch: { equals: batchId } }, { writer: { equals: writer } }] }, depth: 0 })).docs[0] ?? null
  const wallet2 = async () => {
    const req = await createLocalReq({}, t.payload)
    const wallet = await inTransaction(req, () => ensureWallet(req, alphaId, ids.writer2!, 'writer'))
    return t.payload.findByID({ collection: 'wallets', id: wallet.id, depth: 0 })
  }
  let big: Fine
  let first: Order

  it('a fine larger than the earning leaves a receivable netted from the next payout: no negative payout, no negative wallet', async () => {
    const start = new Date(Date.now() - 40 * DAY)
    await runAt('payouts-windows', start)
    first = await completed('writer2')
    const gross = (await earningOf(first.id)).amount
    big = await mustIssue({ writer: ids.writer2, order: first.id, type: 'plagiarism', amount: gross + 500, reason: 'Plagiarised essay.' })
    expect(big.effect).toMatchObject({ fromEarning: gross, receivable: 500 })
    expect((await earningOf(first.id)).amount).toBe(0)
    await earnedAt(first.id, new Date(start.getTime() + DAY))
    const walletBefore = await wallet2()

    const batch1 = await closeOpenWindow()
    expect(await recordOf(batch1.id, ids.writer2!)).toBeNull()
    expect((await rowsOfFine(big.id))[0]).toMatchObject({ status: 'pending', payoutRecord: null })

    const second = await completed('writer2')
    const eb = (await earningOf(second.id)).amount
    expect(eb).toBeGreaterThan(500)
    await earnedAt(second.id, new Date(new Date((await openWindow()).opensAt).getTime() + DAY))
    const batch2 = await closeOpenWindow()
    const record = await recordOf(batch2.id, ids.writer2!)
    expect(record).toMatchObject({ amount: eb - 500 })
    const receivableBefore = await accountDebit('writer_receivable')
    const paid = await t.api.post(`/api/payout-records/${record!.id}/pay`, { ...ALPHA, token: tokens.admin, body: { method: 'bank_transfer', externalReference: 'BANK-1' } })
    expect(paid.status).toBe(200)
    expect((await accountDebit('writer_receivable')) - receivableBefore).toBe(-500)
    expect((await fineDoc(big.id)).effect).toMatchObject({ recovered: 500 })
    expect((await rowsOfFine(big.id))[0]).toMatchObject({ status: 'paid' })
    const walletAfter = await wallet2()
    expect(walletAfter.balance).toBe(walletBefore.balance)
    expect(walletAfter.balance).toBeGreaterThanOrEqual(0)
  })

  it('a fine voided after payout comes back as a fine_refund in the next payout', async () => {
    const gross = big.effect!.fromEarning!
    const voided = await must('admin', big.id, 'void', { reason: 'Originality report was wrong.' })
    expect(voided).toMatchObject({ status: 'voided', effect: { restored: gross + 500 } })
    const refunds = (await rowsOfFine(big.id)).filter((r) => r.kind === 'fine_refund')
    expect(refunds.map((r) => r.amount).sort((a, b) => a - b)).toEqual([500, gross].sort((a, b) => a - b))
    expect(refunds.every((r) => r.status === 'pending' && !r.payoutRecord)).toBe(true)
    const batch3 = await closeOpenWindow()
    const record = (await recordOf(batch3.id, ids.writer2!))!
    expect(record.earnings).toEqual(expect.arrayContaining(refunds.map((r) => r.id)))
    // The writer's other earnings of the window (orders of other tests) plus both refunds.
    const others = (await t.payload.find({ collection: 'writer-earnings', where: { and: [{ id: { in: record.earnings } }, { kind: { equals: 'order_earning' } }] }, depth: 0, limit: 0 })).docs
    expect(record.amount).toBe(others.reduce((sum, r) => sum + r.amount, 0) + gross + 500)
  })

  it('the ledger summary’s fines are the fines issued less those waived or voided', async () => {
    const [row] = await query(sql`SELECT COALESCE(SUM(amount), 0) AS total FROM fines WHERE tenant_id = ${alphaId} AND effect_applied_at IS NOT NULL AND effect_lifted_at IS NULL`)
    const res = await t.api.get('/api/ledger/summary?from=2020-01-01&to=2030-01-01', { ...ALPHA, token: tokens.admin })
    expect(res.status).toBe(200)
    expect(Number(row!.total)).toBeGreaterThan(0)
    expect(res.body.fines).toBe(Number(row!.total))
  })
})

describe('the fines workflow', () => {
  it('only the fined writer appeals, escalates once; reviewers uphold; an admin voids; others see nothing', async () => {
    const fine = await mustIssue({ writer: ids.writer, type: 'comm_breach', amount: 300, reason: 'Ignored messages for three days.' })
    expect((await t.api.get(`/api/fines/${fine.id}/actions`, { ...ALPHA, token: tokens.writer })).body.available.map((a: { action: string }) => a.action)).toEqual(['dispute'])
    for (const who of ['writer2', 'client']) {
      expect((await t.api.get(`/api/fines/${fine.id}`, { ...ALPHA, token: tokens[who] })).status).toBe(404)
      expect((await act(who, fine.id, 'dispute', { reason: 'Not me.' })).status).toBe(404)
    }
    expect((await act('betaAdmin', fine.id, 'void', { reason: 'x' }, BETA)).status).toBe(404)
    const own = await t.api.get('/api/fines?limit=100&depth=0', { ...ALPHA, token: tokens.writer2 })
    expect(own.body.docs.every((f: Fine) => f.writer === ids.writer2)).toBe(true)

    expect((await act('support', fine.id, 'dispute', { reason: 'On their behalf.' })).status).toBe(403)
    expect((await act('writer', fine.id, 'dispute', {})).status).toBe(400)
    expect(await must('writer', fine.id, 'dispute', { reason: 'I answered by mail.', evidence: 'Mail of 3 Nov.' })).toMatchObject({ status: 'disputed', appeal: { reason: 'I answered by mail.', evidence: 'Mail of 3 Nov.' } })
    expect((await act('writer', fine.id, 'dispute', { reason: 'Again.' })).status).toBe(409)
    expect(await must('writer', fine.id, 'escalate', { reason: 'Support did not read the mail.' })).toMatchObject({ status: 'escalated', appeal: { escalatedBefore: true } })
    expect((await act('writer', fine.id, 'escalate', { reason: 'Again.' })).status).toBe(409)
    expect((await act('writer', fine.id, 'uphold', { reason: 'Mine.' })).status).toBe(403)
    expect(await must('support', fine.id, 'uphold', { reason: 'The mail came after the deadline.' })).toMatchObject({ status: 'resolved', appeal: { answer: 'The mail came after the deadline.' } })
    expect((await act('support', fine.id, 'waive', { reason: 'x' })).status).toBe(409)
    expect((await act('support', fine.id, 'void', { reason: 'x' })).status).toBe(403)
    const voided = await must('admin', fine.id, 'void', { reason: 'Duplicate of another fine.' })
    expect(voided.status).toBe('voided')
    // What the writer owed is cancelled, not paid out.
    expect((await rowsOfFine(fine.id)).map((r) => [r.kind, r.status])).toEqual([['fine', 'voided']])
    expect((await act('admin', fine.id, 'void', { reason: 'x' })).status).toBe(409)
    const timeline = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'fines' } }, { document: { equals: fine.id } }] }, sort: 'createdAt', depth: 0 })
    expect(timeline.docs.map((e) => e.action)).toEqual(['dispute', 'escalate', 'uphold', 'void'])
  })

  it('support escalates an appeal for the writer and waives it: the answer is recorded', async () => {
    const fine = await mustIssue({ writer: ids.writer, type: 'comm_breach', amount: 200, reason: 'Late reply.' })
    await must('writer', fine.id, 'dispute', { reason: 'I replied.' })
    await must('support', fine.id, 'escalate', { reason: 'Needs an admin.' })
    expect(await must('support', fine.id, 'waive', { reason: 'Replied in time after all.' })).toMatchObject({ status: 'waived', appeal: { answer: 'Replied in time after all.' } })
  })
})

describe('a refund after a fine', () => {
  it('of an order whose whole earning a fine took is refunded in full: the earning voided, no empty entry (was a 500)', async () => {
    const order = await completed('writer2')
    const gross = (await earningOf(order.id)).amount
    await mustIssue({ writer: ids.writer2, order: order.id, type: 'plagiarism', amount: gross, reason: 'Plagiarised essay.' })
    expect((await earningOf(order.id)).amount).toBe(0)
    const paid = (await orderDoc(order.id)).amountPaid
    const refund = await t.api.post(`/api/orders/${order.id}/refunds`, { ...ALPHA, token: tokens.admin, body: { amount: paid, reason: 'Plagiarised: money back.' } })
    expect(refund.status).toBe(201)
    expect(await earningOf(order.id)).toMatchObject({ status: 'voided', amount: 0 })
    const [voids] = await query(sql`SELECT count(*)::int AS n FROM journal_entries WHERE reference = ${`${(await earningOf(order.id)).reference}:void`}`)
    expect(voids!.n).toBe(0)
  })
})
