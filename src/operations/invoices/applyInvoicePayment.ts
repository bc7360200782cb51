import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { PAYABLE_STATUSES, spreadOverInstallments, statusAfterPayment } from '@/domain/invoices/totals'
import { ClientError } from '@/errors'
import type { Payment } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { lockInvoice } from './owed'

/**
 * The invoice's side of a settled payment, in the settlement's transaction and under the
 * invoice's row lock: the installment paid (or, for the whole invoice, its unpaid
 * installments earliest first), the invoice's `amountPaid` up and its status
 * partially_paid or paid. Money the invoice no longer owes (cancelled, expired, paid
 * meanwhile, or more than is left) is refused with a ClientError before anything is
 * written, so the settlement can credit the client's wallet instead, as for orders.
 */
export const applyInvoicePayment = async (req: PayloadRequest, payment: Payment, now: Date): Promise<string> => {
  const invoice = await lockInvoice(req, idOf(payment.invoice)!)
  if (!PAYABLE_STATUSES.includes(invoice.status)) throw new ClientError(`Invoice ${invoice.number} is ${invoice.status}.`, 422)
  if (payment.amount > invoice.total - invoice.amountPaid) throw new ClientError(`Invoice ${invoice.number} owes less than ${payment.amount}.`, 422)
  const installmentId = idOf(payment.installment)
  let shares: { id: number; add: number }[]
  if (installmentId) {
    const installment = await req.payload.findByID({ collection: 'installments', id: installmentId, depth: 0, ...asSystem(proofOf(req)), req })
    if (installment.status === 'paid' || payment.amount > installment.amount - installment.amountPaid) throw new ClientError(`Installment ${installment.sequence} owes less than ${payment.amount}.`, 422)
    shares = [{ id: installment.id, add: payment.amount }]
  } else {
    const { docs } = await req.payload.find({ collection: 'installments', where: { and: [{ invoice: { equals: invoice.id } }, { status: { equals: 'pending' } }] }, depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
    shares = spreadOverInstallments(docs, payment.amount)
  }
  for (const share of shares) {
    const installment = await req.payload.findByID({ collection: 'installments', id: share.id, depth: 0, ...asSystem(proofOf(req)), req })
    const amountPaid = installment.amountPaid + share.add
    const paid = amountPaid >= installment.amount
    await req.payload.update({ collection: 'installments', id: share.id, data: { amountPaid, status: paid ? 'paid' : 'pending', paidAt: paid ? now.toISOString() : null }, depth: 0, ...asSystem(proofOf(req)), req })
  }
  const amountPaid = invoice.amountPaid + payment.amount
  const status = statusAfterPayment(invoice.total, amountPaid)
  await req.payload.update({ collection: 'invoices', id: invoice.id, data: { amountPaid, status, paidAt: status === 'paid' ? now.toISOString() : null }, depth: 0, ...asSystem(proofOf(req)), req })
  return `Invoice ${invoice.number}${installmentId ? ' installment' : ''}`
}
