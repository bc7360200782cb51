import type { PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { applyAmount, AWAITING_PAYMENT } from '@/domain/orders/payment'
import { orderPaymentRefusal } from '@/domain/payments/application'
import { routing } from '@/domain/orders/staffing'
import { ClientError } from '@/errors'
import type { Order } from '@/payload-types'

import { type ChangeResult, commitOrderChange } from './commitOrderChange'
import type { Effect } from './effects'
import { idOf } from './records'


export type PaymentSource = { source: 'manual' | 'stripe' | 'wallet'; reference?: string }

/**
 * The order's side of money received (reference §3.2 step 5): never more than is owed;
 * fully paid → ready for staffing and routed to the preferred writer or the pool;
 * partly paid → still pending payment. Shared by `markPaid` and payments.
 */
export const paymentEffect = (order: Order, amount: number, now: Date, source: PaymentSource): Effect => {
  // A cancelled, refunded or archived order keeps none: card money arriving late goes to the wallet (settlePayment).
  const refusal = orderPaymentRefusal(order, amount)
  if (refusal) throw new ClientError(refusal.reason, 422, { field: refusal.field })
  const result = applyAmount(order, amount)
  if (!result.ok) throw new Error(result.reason)
  const metadata = { amount, ...source }
  if (!result.fullyPaid) {
    return { status: AWAITING_PAYMENT.includes(order.status) ? 'pending_payment' : order.status, patch: { amountPaid: result.amountPaid, paymentStatus: result.paymentStatus }, metadata }
  }
  const stamped = { amountPaid: result.amountPaid, paymentStatus: result.paymentStatus, timestamps: { ...order.timestamps, paidAt: now.toISOString() } }
  if (!AWAITING_PAYMENT.includes(order.status)) return { patch: stamped, metadata }
  const route = routing({ preferredWriter: idOf(order.preferredWriter), preferredWriterStatus: order.preferredWriterStatus ?? null }, now)
  return { status: 'ready_for_staffing', patch: { ...stamped, ...route }, metadata: { ...metadata, routedTo: route.visibility }, notify: [idOf(order.preferredWriter)] }
}

/**
 * Applies a payment to an order the caller has locked and decided can take it
 * (`orderPaymentRefusal`), in the caller's transaction, with its timeline event and
 * notifications.
 */
export const applyPayment = async (req: PayloadRequest, order: Order, amount: number, source: PaymentSource, now = new Date()): Promise<ChangeResult> =>
  commitOrderChange(req, order, { action: 'paymentApplied', actorId: actorOf(req)?.id ?? null, effect: paymentEffect(order, amount, now, source), now })
