import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import type { ClassOrder } from '@/payload-types'

import { cancelInvoiceRow } from '../invoices/cancel'
import { giveBack, refundParentOfClassOrder } from '../money/giveBack'
import { websiteCurrency } from '../notifications/websiteCurrency'
import { recordEvent } from '../workflow/recordEvent'

/** The class's plan stops asking for money: its invoice (even partly paid) is cancelled, the installments still owed too. Under the plan's lock. */
export const cancelClassPlan = async (req: PayloadRequest, doc: ClassOrder, now: Date, why: { actor: number | null; reason: string | null }) => {
  const invoiceId = idOf(doc.invoice)
  if (!invoiceId) return
  const invoice = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, ...asSystem(proofOf(req)), req })
  if (invoice.status === 'draft' || PAYABLE_STATUSES.includes(invoice.status)) {
    await cancelInvoiceRow(req, invoiceId, now)
    await recordEvent(req, { collection: 'invoices', document: invoiceId, tenant: idOf(doc.tenant)!, action: 'cancel', actor: why.actor, from: invoice.status, to: 'cancelled', reason: why.reason, data: { classOrder: doc.id } })
  }
  await req.payload.update({ collection: 'class-installments', where: { and: [{ classOrder: { equals: doc.id } }, { status: { in: ['pending', 'due', 'overdue'] } }] }, data: { status: 'cancelled' }, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * Gives `amount` (all that was paid when null) of a class's money back (`giveBack`:
 * wallet, card or recorded as paid outside), under the plan's and the class's locks.
 * Everything back: the class is cancelled, its plan stops asking, its unfinished tasks
 * are cancelled. Part of it: the class goes on, partly paid. What the writer earned for
 * tasks already approved stands: it paid for work delivered. Returns the class and the
 * refund row.
 */
export const refundClassOrder = async (req: PayloadRequest, doc: ClassOrder, input: { amount: number | null; reason: string; ask: RefundAsk; actor: number | null; now: Date }) => {
  const paid = doc.amountPaid ?? 0
  const amount = input.amount ?? paid
  const tenant = idOf(doc.tenant)!
  const refund = await giveBack(req, refundParentOfClassOrder(doc, await websiteCurrency(req, tenant)), amount, input.reason, input.ask)
  const amountPaid = paid - amount
  if (amountPaid > 0) {
    const updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { amountPaid, paymentStatus: 'partially_paid' }, depth: 0, ...asSystem(proofOf(req)), req })
    return { updated, refund }
  }
  await cancelClassPlan(req, doc, input.now, { actor: input.actor, reason: `Class ${doc.number} refunded: ${input.reason}` })
  await req.payload.update({ collection: 'class-tasks', where: { and: [{ classOrder: { equals: doc.id } }, { status: { not_in: ['approved', 'completed', 'cancelled'] } }] }, data: { status: 'cancelled' }, depth: 0, ...asSystem(proofOf(req)), req })
  const updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { amountPaid: 0, paymentStatus: 'refunded', status: 'cancelled' }, depth: 0, ...asSystem(proofOf(req)), req })
  return { updated, refund }
}
