import { describe, expect, it } from 'vitest'

import type { ClassInstallment, ClassOrder } from '@/payload-types'

import { classOrderFor } from '../helpers/classOrders'
import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { runSchedule } from '../helpers/schedules'
import type { TestContext } from '../helpers/testPayload'
import { whileOff } from '../helpers/websiteSwitches'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alphaId: number
let betaId: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const HOUR = 3_600_000
const DAY = 24 * HOUR

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha: alphaId } = test)
  betaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })).docs[0]!.id
})

const DETAILS = {
  title: 'Statistics for the spring term',
  institution: 'State University',
  className: 'Introduction to Statistics',
  classCode: 'STAT-101',
  academicLevel: 'undergrad',
  startDate: new Date(Date.now() + 7 * DAY).toISOString(),
  endDate: new Date(Date.now() + 107 * DAY).toISOString(),
  workload: 'Two discussion posts a week, four quizzes, a final exam.',
}

const create = (who = 'client', body: Record<string, unknown> = DETAILS) => t.api.post('/api/class-orders', { ...ALPHA, token: tokens[who], body })
const act = (who: string, collection: string, id: number, action: string, body: Record<string, unknown> = {}, host = ALPHA) =>
  t.api.post(`/api/${collection}/${id}/actions/${action}`, { ...host, token: tokens[who], body })
const must = async (who: string, collection: string, id: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, collection, id, action, body)
  expect(res.status, `${who} ${collection} ${action}: ${JSON.stringify(res.body)}`).toBe(200)
  return res.body
}
const classDoc = (id: number): Promise<ClassOrder> => t.payload.findByID({ collection: 'class-orders', id, depth: 0 })
const openProposal = async (classId: number, kind: 'proposal' | 'counter' = 'proposal') =>
  (await t.payload.find({ collection: 'class-proposals', where: { and: [{ classOrder: { equals: classId } }, { status: { equals: 'sent' } }, { kind: { equals: kind } }] }, depth: 0 })).docs[0]!
const installmentsOf = async (classId: number): Promise<ClassInstallment[]> =>
  (await t.payload.find({ collection: 'class-installments', where: { classOrder: { equals: classId } }, sort: 'sequence', depth: 0 })).docs

/** A class created by the client, reviewed and priced by staff, accepted by the client. */
const acceptedClass = async (amount: number) => {
  const made = await create()
  expect(made.status).toBe(201)
  const id = made.body.doc.id as number
  await must('admin', 'class-orders', id, 'review')
  await must('support', 'class-orders', id, 'proposePrice', { amount })
  await must('client', 'class-proposals', (await openProposal(id)).id, 'accept')
  return id
}

describe('creating a class order', () => {
  it('the client creates it submitted and numbered; missing details are a 400 naming each field', async () => {
    const made = await create()
    expect(made.status).toBe(201)
    expect(made.body.doc).toMatchObject({ status: 'submitted', paymentStatus: 'unpaid', client: expect.objectContaining({ id: ids.client }) })
    expect(made.body.doc.number).toMatch(/^CLS-\d{5}$/)
    const bad = await create('client', { title: 'Only a title', startDate: DETAILS.endDate, endDate: DETAILS.startDate })
    expect(bad.status).toBe(400)
    const paths = (bad.body.errors[0].data.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['institution', 'className', 'academicLevel', 'endDate']))
    expect(await t.payload.count({ collection: 'class-orders', where: { title: { equals: 'Only a title' } } })).toMatchObject({ totalDocs: 0 })
  })

  it('is refused with a 403 naming the switch on a website with allowClassOrders off', async () => {
    await whileOff(t, alphaId, 'allowClassOrders', async () => {
      const refused = await create()
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toContain('allowClassOrders')
    })
    expect((await create()).status).toBe(201)
  })
})

describe('price proposals', () => {
  it('proposal → counter-offer → new proposal → accepted; a counter-offer after acceptance is a 409', async () => {
    const id = (await create()).body.doc.id as number
    await must('admin', 'class-orders', id, 'review')
    await must('admin', 'class-orders', id, 'proposePrice', { amount: 120_000, discount: 5_000, note: 'Full term' })
    expect(await classDoc(id)).toMatchObject({ status: 'price_proposed', quotedAmount: 115_000 })
    const first = await openProposal(id)
    expect(first).toMatchObject({ kind: 'proposal', amount: 120_000, discount: 5_000, final: 115_000 })
    // Another client does not see it; the class's own does and counters.
    expect((await act('client2', 'class-proposals', first.id, 'counter', { amount: 1 })).status).toBe(404)
    await must('client', 'class-proposals', first.id, 'counter', { amount: 90_000, note: 'My budget' })
    expect(await classDoc(id)).toMatchObject({ status: 'negotiating' })
    const counter = await openProposal(id, 'counter')
    expect(counter).toMatchObject({ amount: 90_000, final: 90_000, replyTo: first.id })
    // Staff answer the counter-offer with a new proposal: the counter-offer is declined.
    await must('admin', 'class-orders', id, 'proposePrice', { amount: 100_001 })
    expect((await t.payload.findByID({ collection: 'class-proposals', id: counter.id, depth: 0 })).status).toBe('rejected')
    const second = await openProposal(id)
    const accepted = await must('client', 'class-proposals', second.id, 'accept')
    expect(accepted.doc.status).toBe('accepted')
    expect(await classDoc(id)).toMatchObject({ status: 'pending_payment', acceptedAmount: 100_001, discount: 0, total: 100_001 })
    const late = await act('client', 'class-proposals', second.id, 'counter', { amount: 80_000 })
    expect(late.status).toBe(409)
    expect(await t.payload.count({ collection: 'class-proposals', where: { classOrder: { equals: id } } })).toMatchObject({ totalDocs: 3 })
  })

  it('acceptance issues the plan invoice: the deposit and three equal installments, the remainder on the last, each with its class installment', async () => {
    const id = await acceptedClass(100_001)
    const doc = await classDoc(id)
    const invoice = await t.payload.findByID({ collection: 'invoices', id: doc.invoice as number, depth: 0 })
    expect(invoice).toMatchObject({ status: 'issued', total: 100_001, classOrder: id, client: ids.client })
    const parts = (await t.payload.find({ collection: 'installments', where: { invoice: { equals: invoice.id } }, sort: 'sequence', depth: 0 })).docs
    expect(parts.map((p) => p.amount)).toEqual([50_001, 16_666, 16_666, 16_668])
    const rows = await installmentsOf(id)
    expect(rows.map((r) => [r.sequence, r.amount, r.status, r.installment, r.deposit])).toEqual(parts.map((p, i) => [p.sequence, p.amount, 'pending', p.id, i === 0]))
    // The due dates step through the class, the last before it ends.
    const due = rows.map((r) => new Date(r.dueAt).getTime())
    expect(due).toEqual([...due].sort((a, b) => a - b))
    expect(due.at(-1)!).toBeLessThan(new Date(doc.endDate).getTime())
  })

  it('an expired proposal is marked by the schedule (controlled clock) and cannot be accepted', async () => {
    const id = (await create()).body.doc.id as number
    await must('admin', 'class-orders', id, 'review')
    await must('admin', 'class-orders', id, 'proposePrice', { amount: 50_000, expiresInHours: 1 })
    const proposal = await openProposal(id)
    await runSchedule(t.payload, 'class-proposals-expiry', new Date(Date.now() + 30 * 60_000))
    expect((await t.payload.findByID({ collection: 'class-proposals', id: proposal.id, depth: 0 })).status).toBe('sent')
    await runSchedule(t.payload, 'class-proposals-expiry', new Date(Date.now() + 2 * HOUR))
    expect((await t.payload.findByID({ collection: 'class-proposals', id: proposal.id, depth: 0 })).status).toBe('expired')
    const refused = await act('client', 'class-proposals', proposal.id, 'accept')
    expect(refused.status).toBe(409)
    expect(await classDoc(id)).toMatchObject({ status: 'price_proposed', invoice: null })
  })
})

describe('payment, pause and resume', () => {
  let classId: number
  let tasks: number[]

  it('the deposit paid by wallet moves the class to partially_paid; staff assign a writer, who starts', async () => {
    classId = await acceptedClass(100_001)
    // Assigning before any payment: the class is not there yet.
    expect((await act('admin', 'class-orders', classId, 'assign', { writer: ids.writer, compensationKind: 'percentage', compensationValue: 40 })).status).toBe(409)
    const [deposit] = await installmentsOf(classId)
    await fundWallet(t.payload, alphaId, ids.client!, 50_001, `test:class-deposit:${classId}`)
    const paid = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'installment', installment: deposit!.installment, provider: 'wallet' } })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect(await classDoc(classId)).toMatchObject({ status: 'partially_paid', paymentStatus: 'partially_paid', amountPaid: 50_001 })
    expect((await installmentsOf(classId))[0]).toMatchObject({ status: 'paid' })
    const badPay = await act('admin', 'class-orders', classId, 'assign', { writer: ids.writer, compensationKind: 'percentage', compensationValue: 140 })
    expect(badPay.status).toBe(400)
    await must('admin', 'class-orders', classId, 'assign', { writer: ids.writer, compensationKind: 'percentage', compensationValue: 40 })
    await must('writer', 'class-orders', classId, 'start')
    tasks = []
    for (const title of ['Week 1 discussion', 'Quiz 1']) {
      const made = await t.api.post('/api/class-tasks', { ...ALPHA, token: tokens.admin, body: { classOrder: classId, kind: title.startsWith('Quiz') ? 'quiz' : 'discussion_post', title } })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      expect(made.body.doc).toMatchObject({ status: 'pending', writer: expect.objectContaining({ id: ids.writer }) })
      tasks.push(made.body.doc.id)
    }
    await must('admin', 'class-tasks', tasks[0]!, 'assign')
  })

  it('the assigned writer reads the class; another writer, another client and Beta do not (404)', async () => {
    expect((await t.api.get(`/api/class-orders/${classId}`, { ...ALPHA, token: tokens.writer })).status).toBe(200)
    expect((await t.api.get(`/api/class-orders/${classId}`, { ...ALPHA, token: tokens.writer2 })).status).toBe(404)
    expect((await t.api.get(`/api/class-orders/${classId}`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await t.api.get(`/api/class-tasks/${tasks[0]}`, { ...ALPHA, token: tokens.writer2 })).status).toBe(404)
    expect((await t.api.get(`/api/class-tasks/${tasks[0]}`, { ...ALPHA, token: tokens.writer })).status).toBe(200)
    const list = await t.api.get('/api/class-orders?limit=100', { ...ALPHA, token: tokens.client2 })
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(classId)
  })

  it('an overdue installment pauses the class by the schedule: the writer is told and task actions are refused', async () => {
    const second = (await installmentsOf(classId))[1]!
    const at = new Date(new Date(second.dueAt).getTime() + DAY)
    await runSchedule(t.payload, 'class-installments-overdue', at)
    expect(await classDoc(classId)).toMatchObject({ status: 'paused', statusBefore: 'in_progress', paymentStatus: 'overdue' })
    expect((await installmentsOf(classId))[1]).toMatchObject({ status: 'overdue' })
    const told = await t.payload.find({ collection: 'notifications', where: { and: [{ event: { equals: 'class.paused' } }, { recipient: { equals: ids.writer } }] }, depth: 0 })
    expect(told.docs.filter((n) => (n.data as { classOrder?: number }).classOrder === classId)).toHaveLength(1)
    const refused = await act('writer', 'class-tasks', tasks[0]!, 'start')
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toMatch(/paused/)
    // A second run finds nothing new.
    await runSchedule(t.payload, 'class-installments-overdue', at)
    expect((await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'class-orders' } }, { document: { equals: classId } }, { action: { equals: 'pause' } }] }, depth: 0 })).totalDocs).toBe(1)
  })

  it('paying the overdue installment (manual, confirmed) resumes the class to where it was and tells the writer', async () => {
    const second = (await installmentsOf(classId))[1]!
    const started = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'installment', installment: second.installment, provider: 'manual' } })
    expect(started.status, JSON.stringify(started.body)).toBe(201)
    expect((await classDoc(classId)).status).toBe('paused')
    expect((await confirmAsAdmin(t, started.body.payment.id)).status).toBe(200)
    expect(await classDoc(classId)).toMatchObject({ status: 'in_progress', statusBefore: null, paymentStatus: 'partially_paid', amountPaid: 66_667 })
    expect((await installmentsOf(classId))[1]).toMatchObject({ status: 'paid' })
    const told = await t.payload.find({ collection: 'notifications', where: { and: [{ event: { equals: 'class.resumed' } }, { recipient: { equals: ids.writer } }] }, depth: 0 })
    expect(told.docs.filter((n) => (n.data as { classOrder?: number }).classOrder === classId)).toHaveLength(1)
  })

  it('approving tasks earns the writer the class compensation in writer-earnings, share by share', async () => {
    for (const task of tasks) {
      if (task !== tasks[0]) await must('admin', 'class-tasks', task, 'assign')
      await must('writer', 'class-tasks', task, 'start')
      await must('writer', 'class-tasks', task, 'submit', { notes: 'Done' })
      expect((await act('writer', 'class-tasks', task, 'approve')).status).toBe(403)
      await must('admin', 'class-tasks', task, 'approve', { grade: 'A' })
    }
    const earnings = (await t.payload.find({ collection: 'writer-earnings', where: { classOrder: { equals: classId } }, sort: 'id', depth: 0 })).docs
    // 40 % of 1000.01 is 400.00, in two equal shares.
    expect(earnings.map((e) => [e.kind, e.amount, e.status, e.writer, e.classTask])).toEqual([
      ['class_earning', 20_000, 'pending', ids.writer, tasks[0]],
      ['class_earning', 20_000, 'pending', ids.writer, tasks[1]],
    ])
    expect((await t.payload.findByID({ collection: 'class-tasks', id: tasks[1]!, depth: 0 })).earned).toBe(20_000)
  })
})

describe('the deposit and cancelling', () => {
  it('a writer is not assigned while the deposit is unpaid (422 naming it), even with a later installment paid', async () => {
    const id = await acceptedClass(30_000)
    const later = (await installmentsOf(id))[1]!
    await fundWallet(t.payload, alphaId, ids.client!, later.amount, `test:class-later:${id}`)
    const paid = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'installment', installment: later.installment, provider: 'wallet' } })
    expect(paid.status).toBe(201)
    expect(await classDoc(id)).toMatchObject({ status: 'partially_paid' })
    const refused = await act('admin', 'class-orders', id, 'assign', { writer: ids.writer, compensationKind: 'fixed', compensationValue: 5_000 })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toMatch(/deposit/)
    expect(await classDoc(id)).toMatchObject({ status: 'partially_paid', writer: null })
  })

  it('after acceptance only staff cancel a class with nothing paid: its plan invoice and installments are cancelled', async () => {
    const id = await acceptedClass(20_000)
    expect((await act('client', 'class-orders', id, 'cancel', { reason: 'Changed my mind' })).status).toBe(422)
    await must('admin', 'class-orders', id, 'cancel', { reason: 'The client withdrew' })
    const doc = await classDoc(id)
    expect(doc.status).toBe('cancelled')
    expect((await t.payload.findByID({ collection: 'invoices', id: doc.invoice as number, depth: 0 })).status).toBe('cancelled')
    expect((await installmentsOf(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled'])
  })
})

describe('refunds', () => {
  it('an admin refunds part (the class goes on, partly paid) then the rest (cancelled, its plan cancelled); support may not; never more than paid', async () => {
    const id = await acceptedClass(40_000)
    const [deposit] = await installmentsOf(id)
    await fundWallet(t.payload, alphaId, ids.client!, deposit!.amount, `test:class-refund:${id}`)
    const paid = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'installment', installment: deposit!.installment, provider: 'wallet' } })
    expect(paid.status).toBe(201)
    const refundsOf = async () => (await t.payload.find({ collection: 'refunds', where: { classOrder: { equals: id } }, sort: 'id', depth: 0 })).docs.map((r) => [r.amount, r.destination])

    expect((await act('support', 'class-orders', id, 'refund', { reason: 'Goodwill' })).status).toBe(403)
    const tooMuch = await act('admin', 'class-orders', id, 'refund', { reason: 'Goodwill', amount: deposit!.amount + 1 })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors[0].message).toContain('amount')
    await must('admin', 'class-orders', id, 'refund', { reason: 'Late start', amount: 1_000 })
    expect(await classDoc(id)).toMatchObject({ status: 'partially_paid', amountPaid: deposit!.amount - 1_000, paymentStatus: 'partially_paid' })
    await must('admin', 'class-orders', id, 'refund', { reason: 'The client withdrew' })
    const doc = await classDoc(id)
    expect(doc).toMatchObject({ status: 'cancelled', amountPaid: 0, paymentStatus: 'refunded' })
    expect(await refundsOf()).toEqual([
      [1_000, 'wallet'],
      [deposit!.amount - 1_000, 'wallet'],
    ])
    expect((await t.payload.findByID({ collection: 'invoices', id: doc.invoice as number, depth: 0 })).status).toBe('cancelled')
    expect((await installmentsOf(id)).map((r) => r.status)).toEqual(['paid', 'cancelled', 'cancelled', 'cancelled'])
    expect((await act('admin', 'class-orders', id, 'refund', { reason: 'Again' })).status).toBe(409)
  })
})

describe('websites', () => {
  it('a class order of Beta is invisible in Alpha: 404 by id, absent from lists', async () => {
    const beta = await classOrderFor(t.payload, betaId)
    expect((await t.api.get(`/api/class-orders/${beta.id}`, { ...ALPHA, token: tokens.admin })).status).toBe(404)
    const list = await t.api.get('/api/class-orders?limit=100', { ...ALPHA, token: tokens.admin })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(beta.id)
    expect((await act('admin', 'class-orders', beta.id, 'review')).status).toBe(404)
    expect((await t.api.get(`/api/class-orders/${beta.id}`, { ...BETA, token: tokens.betaAdmin })).status).toBe(200)
  })
})
