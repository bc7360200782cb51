import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf } from '@/access/actor'
import { hasExpired, markOf, reminderToSend, UPCOMING_DAYS, EXPIRE_AFTER_DAYS } from '@/domain/invoices/schedule'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import { enqueue } from '@/jobs/enqueue'
import { releaseInvoiceDiscount } from '@/operations/discounts/usages'
import { lockInvoice } from '@/operations/invoices/owed'
import { asSystem, proofOf } from '@/access/system'
import type { Installment, Invoice } from '@/payload-types'

import type { Schedule } from './schedules'
import { addCounts, idsMatching, sweep } from './sweep'

const DAY_MS = 24 * 3600 * 1000

/**
 * Decides again under the invoice's row lock (a payment may have landed meanwhile) and,
 * when a reminder is due, sets its mark and writes the mail's outbox row in the sweep's
 * transaction for this record: each reminder goes out once.
 */
const remindOnce = async (req: PayloadRequest, invoiceId: number, pick: (invoice: Invoice) => Promise<{ target: Invoice | Installment; installment: number | null } | null>, now: Date) => {
  const { payload } = req
  const invoice = await lockInvoice(req, invoiceId)
  if (!PAYABLE_STATUSES.includes(invoice.status)) return false
  const picked = await pick(invoice)
  if (!picked) return false
  const kind = reminderToSend(new Date(picked.target.dueAt), now, picked.target)
  if (!kind) return false
  const data = { [markOf(kind)]: now.toISOString() }
  if (picked.installment) await payload.update({ collection: 'installments', id: picked.installment, data, depth: 0, ...asSystem(proofOf(req)), req })
  else await payload.update({ collection: 'invoices', id: invoiceId, data, depth: 0, ...asSystem(proofOf(req)), req })
  await enqueue(req, { type: 'mail.billingReminder', tenant: idOf(invoice.tenant), payload: { invoiceId, installmentId: picked.installment, kind }, dedupeKey: `billing-reminder:${picked.installment ? `installment:${picked.installment}` : `invoice:${invoiceId}`}:${kind}` })
  return true
}

const soon = (now: Date): Where => ({ and: [{ dueAt: { less_than_equal: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS).toISOString() } }, { reminderOverdueAt: { exists: false } }] })

/**
 * Upcoming (3 days before), due (its last day) and overdue reminders, once each, for
 * issued and partly paid invoices. An invoice with installments is reminded per pending
 * installment instead of as a whole.
 */
export const billingReminders = async (payload: Payload, now: Date) => {
  const invoices = await sweep(payload, 'billing-reminders (invoices)', idsMatching(payload, 'invoices', { and: [{ status: { in: [...PAYABLE_STATUSES] } }, soon(now)] }), (id, req) =>
    remindOnce(
      req,
      id,
      async (invoice) => ((await payload.count({ collection: 'installments', where: { invoice: { equals: id } }, ...asSystem(proofOf(req)), req })).totalDocs ? null : { target: invoice, installment: null }),
      now,
    ),
  )
  const installments = await sweep(payload, 'billing-reminders (installments)', idsMatching(payload, 'installments', { and: [{ status: { equals: 'pending' } }, { 'invoice.status': { in: [...PAYABLE_STATUSES] } }, soon(now)] }), async (id, req) => {
    const { invoice } = await payload.findByID({ collection: 'installments', id, depth: 0, ...asSystem(proofOf(req)), req, select: { invoice: true } })
    return remindOnce(
      req,
      idOf(invoice)!,
      async () => {
        const fresh = await payload.findByID({ collection: 'installments', id, depth: 0, ...asSystem(proofOf(req)), req })
        return fresh.status === 'pending' ? { target: fresh, installment: id } : null
      },
      now,
    )
  })
  return addCounts(invoices, installments)
}

/** Issued invoices with nothing paid, a week past due: expired, and their pay link with them. */
export const expireInvoices = (payload: Payload, now: Date) =>
  sweep(payload, 'billing-invoice-expiry', idsMatching(payload, 'invoices', { and: [{ status: { equals: 'issued' } }, { amountPaid: { equals: 0 } }, { dueAt: { less_than_equal: new Date(now.getTime() - EXPIRE_AFTER_DAYS * DAY_MS).toISOString() } }] }), async (id, req) => {
    const invoice = await lockInvoice(req, id)
    if (!hasExpired({ status: invoice.status, amountPaid: invoice.amountPaid, dueAt: new Date(invoice.dueAt) }, now)) return false
    await releaseInvoiceDiscount(req, id)
    await payload.update({ collection: 'invoices', id, data: { status: 'expired', expiredAt: now.toISOString(), payTokenHash: null, payTokenExpiresAt: null }, depth: 0, ...asSystem(proofOf(req)), req })
    return true
  })

const MINUTE_MS = 60 * 1000

/** Billing's timed jobs (DESIGN §8). */
export const INVOICE_SCHEDULES: Schedule[] = [
  { id: 'billing-reminders', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => billingReminders(payload, now) },
  { id: 'billing-invoice-expiry', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => expireInvoices(payload, now) },
]
