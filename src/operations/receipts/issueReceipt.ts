import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockRow } from '@/db/locks'
import { ClientError } from '@/errors'
import { asSystem, proofOf } from '@/access/system'
import type { Payment, Receipt } from '@/payload-types'

import { allocateDocumentNumber } from '../allocateOrderNumber'
import { inTransaction } from '../inTransaction'

/** What was paid for, frozen at settlement: later changes to the order or invoice do not alter the receipt. */
const paidFor = async (req: PayloadRequest, payment: Payment, outcome: string) => {
  const snapshot: Record<string, unknown> = { purpose: payment.purpose, outcome, reference: payment.reference, provider: payment.provider }
  const orderId = idOf(payment.order)
  if (orderId) {
    const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true, topic: true } })
    snapshot.order = { id: orderId, number: order.number, topic: order.topic }
    const description = payment.purpose === 'tip' ? `Tip for the writer of order ${order.number}` : `Order ${order.number}: ${order.topic}`
    snapshot.lines = [{ description, quantity: 1, unitAmount: payment.amount, amount: payment.amount }]
  }
  const invoiceId = idOf(payment.invoice)
  if (invoiceId) {
    const invoice = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, ...asSystem(proofOf(req)), req })
    snapshot.invoice = { id: invoiceId, number: invoice.number, total: invoice.total, lines: invoice.lines.map(({ description, quantity, unitAmount, amount }) => ({ description, quantity, unitAmount, amount })) }
    const installmentId = idOf(payment.installment)
    if (installmentId) {
      const installment = await req.payload.findByID({ collection: 'installments', id: installmentId, depth: 0, ...asSystem(proofOf(req)), req })
      snapshot.installment = { id: installmentId, sequence: installment.sequence, amount: installment.amount }
    }
    const label = snapshot.installment ? `Invoice ${invoice.number}, installment ${(snapshot.installment as { sequence: number }).sequence}` : `Invoice ${invoice.number}`
    snapshot.lines = [{ description: label, quantity: 1, unitAmount: payment.amount, amount: payment.amount }]
  }
  if (payment.purpose === 'wallet_top_up') snapshot.lines = [{ description: 'Wallet top-up', quantity: 1, unitAmount: payment.amount, amount: payment.amount }]
  return snapshot
}

/**
 * The receipt of a settled payment, numbered per website, in the settlement's
 * transaction (reference §6.3: every settlement gets one). The database allows one
 * receipt per payment.
 */
export const issueReceipt = async (req: PayloadRequest, payment: Payment, outcome: string, now: Date): Promise<Receipt> => {
  const tenant = idOf(payment.tenant)!
  // The number locks the website's counter until the settlement commits, so every
  // settlement of the website queues behind it: read what was paid for first.
  const snapshot = await paidFor(req, payment, outcome)
  const number = await allocateDocumentNumber(req, tenant, 'receipt')
  return req.payload.create({
    collection: 'receipts',
    data: { tenant, number, kind: 'receipt', payment: payment.id, client: idOf(payment.client)!, amount: payment.amount, currency: payment.currency, paidFor: snapshot, issuedAt: now.toISOString() },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}

/**
 * Voids a receipt by issuing its voiding record (a new number, `voids` the original,
 * the reason), under the original's row lock: the original is never changed. A void is
 * not voided, and a receipt is voided once (409; the database also holds one void per
 * receipt). Money does not move: a refund does that.
 */
export const voidReceipt = async (req: PayloadRequest, receiptId: number, reason: string, actorId: number, now = new Date()): Promise<Receipt> =>
  inTransaction(req, async () => {
    await lockRow(req, 'receipts', receiptId)
    const original = await req.payload.findByID({ collection: 'receipts', id: receiptId, depth: 0, ...asSystem(proofOf(req)), req })
    if (original.kind === 'void') throw new ClientError('A voiding record is not voided.', 409)
    const voided = await req.payload.count({ collection: 'receipts', where: { voids: { equals: receiptId } }, ...asSystem(proofOf(req)), req })
    if (voided.totalDocs > 0) throw new ClientError('This receipt is voided already.', 409)
    const tenant = idOf(original.tenant)!
    return req.payload.create({
      collection: 'receipts',
      data: { tenant, number: await allocateDocumentNumber(req, tenant, 'receipt'), kind: 'void', payment: idOf(original.payment)!, client: idOf(original.client)!, amount: original.amount, currency: original.currency, paidFor: original.paidFor, issuedAt: now.toISOString(), voids: original.id, reason, createdBy: actorId },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  })
