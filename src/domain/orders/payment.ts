import type { Cents } from '../money'

import { type OrderStatus, TERMINAL_STATUSES } from './statuses'

export type PaymentState = { total: Cents; amountPaid: Cents }

export type PaymentResult =
  | { ok: true; amountPaid: Cents; paymentStatus: 'partially_paid' | 'fully_paid'; fullyPaid: boolean }
  | { ok: false; reason: string }

/**
 * An amount received against an order (reference §3.2 step 5): never more than is
 * still owed, never zero or negative. Fully paid ⇔ paid ≥ total.
 */
export const applyAmount = (order: PaymentState, amount: Cents): PaymentResult => {
  if (!Number.isInteger(amount) || amount <= 0) return { ok: false, reason: 'The amount must be a positive number of cents.' }
  const owed = Math.max(order.total - order.amountPaid, 0)
  if (amount > owed) return { ok: false, reason: `Only ${owed} cents are still owed on this order.` }
  const amountPaid = order.amountPaid + amount
  const fullyPaid = amountPaid >= order.total
  return { ok: true, amountPaid, paymentStatus: fullyPaid ? 'fully_paid' : 'partially_paid', fullyPaid }
}

/**
 * Statuses in which an order is waiting for its money (`created` never reaches staffing
 * directly, and placement never leaves an order in it). Clients pay only then.
 */
export const AWAITING_PAYMENT: readonly OrderStatus[] = ['unpaid', 'pending_payment', 'paid']

/** Why money cannot be applied to an order in this status at all, or null. */
export const closedToPayment = (status: OrderStatus): string | null =>
  TERMINAL_STATUSES.includes(status) ? `order: a ${status} order takes no payment.` : null
