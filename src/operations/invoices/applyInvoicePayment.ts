import type { PayloadRequest } from 'payload'

import { spreadOverInstallments, statusAfterPayment } from '@/domain/invoices/totals'
import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import type { Installment, Invoice } from '@/payload-types'

import { tellPlanOwners } from '../funding/planListeners'
import { notify } from '../notifications/notify'

/**
 * The invoice's side of a settled payment, in the settlement's transaction, on an invoice
 * the caller has locked and decided can take the money (`invoicePaymentRefusal`): the
 * installment paid (or, for the whole invoice, its unpaid installments earliest first),
 * the invoice's `amountPaid` up and its status partially_paid or paid. Answers the
 * journal entry's memo. An invoice paid in full is told to its client.
 */
export const applyInvoicePayment = async (req: PayloadRequest, invoice: Invoice, target: Installment | null, amount: number, now: Date): Promise<string> => {
  let shares: { id: number; add: number }[]
  if (target) shares = [{ id: target.id, add: amount }]
  else {
    const { docs } = await req.payload.find({ collection: 'installments', where: { and: [{ invoice: { equals: invoice.id } }, { status: { equals: 'pending' } }] }, depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
    shares = spreadOverInstallments(docs, amount)
  }
  const touched: Installment[] = []
  for (const share of shares) {
    const installment = await req.payload.findByID({ collection: 'installments', id: share.id, depth: 0, ...asSystem(proofOf(req)), req })
    const amountPaid = installment.amountPaid + share.add
    const paid = amountPaid >= installment.amount
    touched.push(await req.payload.update({ collection: 'installments', id: share.id, data: { amountPaid, status: paid ? 'paid' : 'pending', paidAt: paid ? now.toISOString() : null }, depth: 0, ...asSystem(proofOf(req)), req }))
  }
  const amountPaid = invoice.amountPaid + amount
  const status = statusAfterPayment(invoice.total, amountPaid)
  const updated = await req.payload.update({ collection: 'invoices', id: invoice.id, data: { amountPaid, status, paidAt: status === 'paid' ? now.toISOString() : null }, depth: 0, ...asSystem(proofOf(req)), req })
  await tellPlanOwners(req, { invoice: updated, installments: touched, now })
  if (status === 'paid' && invoice.status !== 'paid') {
    await notify(req, {
      event: 'invoice.paid',
      recipients: [idOf(invoice.client)!],
      tenant: idOf(invoice.tenant)!,
      data: { invoiceId: invoice.id, number: invoice.number, title: invoice.title ?? null, total: invoice.total, currency: invoice.currency },
      key: `invoice.paid:${invoice.id}`,
    })
  }
  return `Invoice ${invoice.number}${target ? ' installment' : ''}`
}
