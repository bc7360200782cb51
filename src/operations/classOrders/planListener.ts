import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import type { ClassOrderStatus, ClassPaymentStatus } from '@/domain/classOrders/statuses'
import type { PlanListener } from '@/operations/funding/planListeners'

import { performAction } from '../workflow/performAction'

import { overdueOf } from './overdue'
import { classEvent, classInstallmentsOf, lockClassOrder } from './records'

/** Statuses in which a payment moves the class itself (before work is staffed). */
const AWAITING_MONEY: readonly ClassOrderStatus[] = ['accepted', 'pending_payment', 'partially_paid']

/**
 * Money landed on a class's plan invoice (`PLAN_LISTENERS`, in the settlement's
 * transaction): the class installments of the invoice installments it paid are paid, the
 * class's paid amount and payment status follow the invoice, a class waiting for money
 * moves to partially_paid or paid, and a class paused for an overdue installment resumes
 * (its `resume` action as the platform, which tells the writer) once nothing is overdue.
 */
export const classPlanListener: PlanListener = async (req, { invoice, installments, now }) => {
  const classId = idOf(invoice.classOrder)
  if (!classId) return
  const doc = await lockClassOrder(req, classId)
  const rows = await classInstallmentsOf(req, classId)
  for (const paid of installments) {
    if (paid.status !== 'paid') continue
    const row = rows.find((r) => idOf(r.installment) === paid.id)
    if (!row || row.status === 'paid') continue
    Object.assign(row, await req.payload.update({ collection: 'class-installments', id: row.id, data: { status: 'paid', paidAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req }))
  }
  const stillOverdue = overdueOf(rows, now).length > 0
  const full = invoice.status === 'paid'
  const paymentStatus: ClassPaymentStatus = full ? 'paid' : stillOverdue ? 'overdue' : invoice.amountPaid > 0 ? 'partially_paid' : 'unpaid'
  const status: ClassOrderStatus = AWAITING_MONEY.includes(doc.status) && invoice.amountPaid > 0 ? (full ? 'paid' : 'partially_paid') : doc.status
  await req.payload.update({ collection: 'class-orders', id: classId, data: { amountPaid: invoice.amountPaid, paymentStatus, status }, depth: 0, ...asSystem(proofOf(req)), req })
  await classEvent(req, doc, 'payment', null, status, { invoice: invoice.id, amountPaid: invoice.amountPaid, paymentStatus, installments: installments.map((i) => i.id) })
  if (doc.status === 'paused' && !stillOverdue) await performAction(req, 'class-orders', classId, 'resume', {}, { system: true, now })
}
