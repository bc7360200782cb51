import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { idOf } from '@/access/actor'
import { overdueInstallments, type ClassInstallmentStatus } from '@/domain/classOrders/installmentPlan'
import { isWorking } from '@/domain/classOrders/workflow'
import type { ClassInstallment } from '@/payload-types'

import { performAction } from '../workflow/performAction'

import { classEvent, classInstallmentsOf, lockClassOrder, tellClass, websiteClassSettings } from './records'

const asPlan = (rows: readonly ClassInstallment[]) => rows.map((row) => ({ ...row, status: row.status as ClassInstallmentStatus, dueAt: new Date(row.dueAt) }))

/** The class's installments overdue at `now` (open and past due). */
export const overdueOf = (rows: readonly ClassInstallment[], now: Date) => overdueInstallments(asPlan(rows), now)

/**
 * The overdue schedule's work on one class, under its lock: its past-due unpaid
 * installments are marked overdue (the client told once each), its payment status goes
 * to overdue, and a class being worked is paused through its `pause` action as the
 * platform when the website says so (`pauseWhenOverdue`): the writer is told, the tasks
 * freeze. Answers whether anything changed.
 */
export const markClassOverdue = async (req: PayloadRequest, classId: number, now: Date): Promise<boolean> => {
  const doc = await lockClassOrder(req, classId)
  if (['cancelled', 'archived', 'completed'].includes(doc.status)) return false
  const overdue = overdueOf(await classInstallmentsOf(req, classId), now)
  const fresh = overdue.filter((row) => row.status !== 'overdue')
  if (overdue.length === 0) return false
  for (const row of fresh) {
    await req.payload.update({ collection: 'class-installments', id: row.id, data: { status: 'overdue' }, depth: 0, ...asSystem(proofOf(req)), req })
    await tellClass(req, doc, 'class.installment_overdue', [idOf(doc.client)], null, `installment:${row.id}`, { amount: row.amount, dueAt: row.dueAt.toISOString() })
  }
  let changed = fresh.length > 0
  if (doc.paymentStatus !== 'overdue') {
    await req.payload.update({ collection: 'class-orders', id: classId, data: { paymentStatus: 'overdue' }, depth: 0, ...asSystem(proofOf(req)), req })
    await classEvent(req, doc, 'installmentOverdue', null, doc.status, { installments: overdue.map((row) => row.id) })
    changed = true
  }
  const { settings } = await websiteClassSettings(req, idOf(doc.tenant)!)
  if (settings.pauseWhenOverdue && isWorking(doc.status)) {
    await performAction(req, 'class-orders', classId, 'pause', { reason: `Installment ${overdue[0]!.sequence} is overdue.` }, { system: true, now })
    changed = true
  }
  return changed
}
