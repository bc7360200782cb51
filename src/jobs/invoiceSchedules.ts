import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf } from '@/access/actor'
import { hasExpired, markOf, reminderToSend, UPCOMING_DAYS, EXPIRE_AFTER_DAYS } from '@/domain/invoices/schedule'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import { enqueue } from '@/jobs/enqueue'
import { inTransaction } from '@/operations/inTransaction'
import { lockInvoice } from '@/operations/invoices/owed'
import type { Installment, Invoice } from '@/payload-types'
import { asSystem, systemProof, systemRequest } from '@/access/system'

import type { Schedule } from './schedules'

const proof = systemProof('invoice schedules')

const DAY_MS = 24 * 3600 * 1000
const BATCH = 200

/** Ids of the rows matching `where`, a batch at a time, each handled once per run. */
const eachId = async (payload: Payload, collection: 'invoices' | 'installments', where: Where, fn: (id: number) => Promise<boolean>) => {
  let done = 0
  const seen: number[] = []
  for (;;) {
    const { docs } = await payload.find({ collection, where: seen.length ? { and: [where, { id: { not_in: seen } }] } : where, sort: 'id', limit: BATCH, depth: 0, ...asSystem(proof), select: {} })
    for (const { id } of docs) {
      seen.push(id)
      if (await fn(id)) done += 1
    }
    if (docs.length < BATCH) return { done }
  }
}

/**
 * Decides again under the invoice's row lock (a payment may have landed meanwhile) and,
 * when a reminder is due, sets its mark and writes the mail's outbox row in one
 * transaction: each reminder goes out once.
 */
const remindOnce = async (payload: Payload, invoiceId: number, pick: (req: PayloadRequest, invoice: Invoice) => Promise<{ target: Invoice | Installment; installment: number | null } | null>, now: Date) => {
  const req = await systemRequest(payload, proof)
  return inTransaction(req, async () => {
    const invoice = await lockInvoice(req, invoiceId)
    if (!PAYABLE_STATUSES.includes(invoice.status)) return false
    const picked = await pick(req, invoice)
    if (!picked) return false
    const kind = reminderToSend(new Date(picked.target.dueAt), now, picked.target)
    if (!kind) return false
    const data = { [markOf(kind)]: now.toISOString() }
    if (picked.installment) await payload.update({ collection: 'installments', id: picked.installment, data, depth: 0, ...asSystem(proof), req })
    else await payload.update({ collection: 'invoices', id: invoiceId, data, depth: 0, ...asSystem(proof), req })
    await enqueue(req, { type: 'mail.billingReminder', tenant: idOf(invoice.tenant), payload: { invoiceId, installmentId: picked.installment, kind }, dedupeKey: `billing-reminder:${picked.installment ? `installment:${picked.installment}` : `invoice:${invoiceId}`}:${kind}` })
    return true
  })
}

const soon = (now: Date): Where => ({ and: [{ dueAt: { less_than_equal: new Date(now.getTime() + UPCOMING_DAYS * DAY_MS).toISOString() } }, { reminderOverdueAt: { exists: false } }] })

/**
 * Upcoming (3 days before), due (its last day) and overdue reminders, once each, for
 * issued and partly paid invoices. An invoice with installments is reminded per pending
 * installment instead of as a whole.
 */
export const billingReminders = async (payload: Payload, now: Date) => {
  const invoices = await eachId(payload, 'invoices', { and: [{ status: { in: [...PAYABLE_STATUSES] } }, soon(now)] }, (id) =>
    remindOnce(
      payload,
      id,
      async (req, invoice) => ((await payload.count({ collection: 'installments', where: { invoice: { equals: id } }, ...asSystem(proof), req })).totalDocs ? null : { target: invoice, installment: null }),
      now,
    ),
  )
  const installments = await eachId(payload, 'installments', { and: [{ status: { equals: 'pending' } }, { 'invoice.status': { in: [...PAYABLE_STATUSES] } }, soon(now)] }, async (id) => {
    const { invoice } = await payload.findByID({ collection: 'installments', id, depth: 0, ...asSystem(proof), select: { invoice: true } })
    return remindOnce(
      payload,
      idOf(invoice)!,
      async (req) => {
        const fresh = await payload.findByID({ collection: 'installments', id, depth: 0, ...asSystem(proof), req })
        return fresh.status === 'pending' ? { target: fresh, installment: id } : null
      },
      now,
    )
  })
  return { done: invoices.done + installments.done }
}

/** Issued invoices with nothing paid, a week past due: expired, and their pay link with them. */
export const expireInvoices = (payload: Payload, now: Date) =>
  eachId(payload, 'invoices', { and: [{ status: { equals: 'issued' } }, { amountPaid: { equals: 0 } }, { dueAt: { less_than_equal: new Date(now.getTime() - EXPIRE_AFTER_DAYS * DAY_MS).toISOString() } }] }, async (id) => {
    const req = await systemRequest(payload, proof)
    return inTransaction(req, async () => {
      const invoice = await lockInvoice(req, id)
      if (!hasExpired({ status: invoice.status, amountPaid: invoice.amountPaid, dueAt: new Date(invoice.dueAt) }, now)) return false
      await payload.update({ collection: 'invoices', id, data: { status: 'expired', expiredAt: now.toISOString(), payTokenHash: null, payTokenExpiresAt: null }, depth: 0, ...asSystem(proof), req })
      return true
    })
  })

const MINUTE_MS = 60 * 1000

/** Billing's timed jobs (DESIGN §8). */
export const INVOICE_SCHEDULES: Schedule[] = [
  { id: 'billing-reminders', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => billingReminders(payload, now) },
  { id: 'billing-invoice-expiry', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => expireInvoices(payload, now) },
]
