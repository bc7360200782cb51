import type { PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { applyAmount, AWAITING_PAYMENT, closedToPayment } from '@/domain/orders/payment'
import { routing } from '@/domain/orders/staffing'
import { ClientError } from '@/errors'
import type { Order } from '@/payload-types'

import { inTransaction } from '../inTransaction'

import { type ChangeResult, commitOrderChange } from './commitOrderChange'
import type { Effect } from './effects'
import { readLockedOrder } from './lockOrder'
import { idOf } from './records'


export type PaymentSource = { source: 'manual' | 'stripe' | 'wallet'; reference?: string }

/**
 * The order's side of money received (reference §3.2 step 5): never more than is owed;
 * fully paid → ready for staffing and routed to the preferred writer or the pool;
 * partly paid → still pending payment. Shared by `markPaid` and payments.
 */
export const paymentEffect = (order: Order, amount: number, now: Date, source: PaymentSource): Effect => {
  // A cancelled, refunded or archived order keeps none: card money arriving late goes to the wallet (settlePayment).
  const closed = closedToPayment(order.status)
  if (closed) throw new ClientError(closed, 422, { field: 'order' })
  const result = applyAmount(order, amount)
  if (!result.ok) throw new ClientError(result.reason, 422, { field: 'amount' })
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
 * Applies a payment to an order in the caller's transaction (joined or opened), under
 * the order's row lock, with its timeline event and notifications.
 */
export const applyPayment = async (req: PayloadRequest, orderId: number, amount: number, source: PaymentSource, now = new Date()): Promise<ChangeResult> =>
  inTransaction(req, async () => {
    const order = await readLockedOrder(req, orderId)
    return commitOrderChange(req, order, { action: 'paymentApplied', actorId: actorOf(req)?.id ?? null, effect: paymentEffect(order, amount, now, source), now })
  })
