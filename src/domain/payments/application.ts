import type { InstallmentStatus, InvoiceStatus } from '../invoices/totals'
import { PAYABLE_STATUSES } from '../invoices/totals'
import type { Cents } from '../money'
import { applyAmount, closedToPayment, type PaymentState } from '../orders/payment'
import type { OrderStatus } from '../orders/statuses'

import type { PaymentProvider } from './types'

/** Why money cannot go where it was meant to, and the request field the refusal names (if any). */
export type PaymentRefusal = { reason: string; field?: 'order' | 'amount' }

/** Why an order cannot take `amount` now (closed, or more than it still owes), or null. */
export const orderPaymentRefusal = (order: PaymentState & { status: OrderStatus }, amount: Cents): PaymentRefusal | null => {
  const closed = closedToPayment(order.status)
  if (closed) return { reason: closed, field: 'order' }
  const result = applyAmount(order, amount)
  return result.ok ? null : { reason: result.reason, field: 'amount' }
}

export type InvoiceDebt = { number: string; status: InvoiceStatus; total: Cents; amountPaid: Cents }
export type InstallmentDebt = { sequence: number; status: InstallmentStatus; amount: Cents; amountPaid: Cents }

/**
 * Why an invoice (or one installment of it) cannot take `amount` now: it takes no money
 * in its status (cancelled, expired, paid), or owes less than that. Null when it can.
 */
export const invoicePaymentRefusal = (invoice: InvoiceDebt, installment: InstallmentDebt | null, amount: Cents): PaymentRefusal | null => {
  if (!PAYABLE_STATUSES.includes(invoice.status)) return { reason: `Invoice ${invoice.number} is ${invoice.status}.` }
  if (amount > invoice.total - invoice.amountPaid) return { reason: `Invoice ${invoice.number} owes less than ${amount}.` }
  if (installment && installment.status !== 'pending') return { reason: `Installment ${installment.sequence} is ${installment.status}.` }
  if (installment && amount > installment.amount - installment.amountPaid) return { reason: `Installment ${installment.sequence} owes less than ${amount}.` }
  return null
}

/**
 * What a succeeded payment does, decided before anything is written: it is applied to
 * what it pays for; or, when that no longer owes the money (paid meanwhile by another
 * route, cancelled), money that arrived from outside goes to the client's wallet rather
 * than nowhere; while a wallet payment is refused (its money never left the wallet).
 */
export type PaymentApplication = { kind: 'apply' } | { kind: 'credit_wallet'; refusal: PaymentRefusal } | { kind: 'refuse'; refusal: PaymentRefusal }

export const paymentApplication = (provider: PaymentProvider, refusal: PaymentRefusal | null): PaymentApplication => {
  if (!refusal) return { kind: 'apply' }
  return provider === 'wallet' ? { kind: 'refuse', refusal } : { kind: 'credit_wallet', refusal }
}
