import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'

import { recordEvent } from '../workflow/recordEvent'

import { cancelInvoiceRow } from './cancel'
import { lockInvoice } from './owed'

/**
 * A waived installment stops asking for money. It is marked waived; what it still owed
 * leaves the invoice's total as a discount (the lines still add up to the subtotal, so
 * the invoice reads "subtotal − discount = total"); the invoice is then paid when nothing
 * else is owed, or cancelled when nothing was ever paid on it and nothing is left. Takes
 * the invoice's lock (callers that hold it already take it again for free).
 */
export const waiveInstallment = async (req: PayloadRequest, installmentId: number, now: Date, why: { actor: number | null; reason: string }): Promise<void> => {
  const { invoice: invoiceRef } = await req.payload.findByID({ collection: 'installments', id: installmentId, depth: 0, ...asSystem(proofOf(req)), req, select: { invoice: true } })
  const invoice = await lockInvoice(req, idOf(invoiceRef)!)
  const installment = await req.payload.findByID({ collection: 'installments', id: installmentId, depth: 0, ...asSystem(proofOf(req)), req })
  if (installment.status !== 'pending') return
  await req.payload.update({ collection: 'installments', id: installmentId, data: { status: 'waived' }, depth: 0, ...asSystem(proofOf(req)), req })
  if (!PAYABLE_STATUSES.includes(invoice.status)) return

  const owed = installment.amount - installment.amountPaid
  const total = invoice.total - owed
  const event = { collection: 'invoices' as const, document: invoice.id, tenant: idOf(invoice.tenant)!, actor: why.actor, from: invoice.status, reason: why.reason }
  // Installments add up to the total, so nothing left means nothing was ever paid either.
  if (total <= 0) {
    await cancelInvoiceRow(req, invoice.id, now)
    await recordEvent(req, { ...event, action: 'cancel', to: 'cancelled', data: { waivedInstallment: installment.sequence } })
    return
  }
  const paid = total <= invoice.amountPaid
  const status = paid ? 'paid' : invoice.status
  await req.payload.update({
    collection: 'invoices',
    id: invoice.id,
    data: {
      subtotal: invoice.subtotal ?? invoice.total,
      discount: (invoice.discount ?? 0) + owed,
      total,
      status,
      ...(paid ? { paidAt: now.toISOString(), payTokenHash: null, payTokenExpiresAt: null } : {}),
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await recordEvent(req, { ...event, action: 'waiveInstallment', to: status, data: { installment: installment.sequence, waived: owed } })
}
