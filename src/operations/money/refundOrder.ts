import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import { asSystem, proofOf } from '@/access/system'
import type { Order, Refund } from '@/payload-types'

import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { adminOfVisible } from '../gate'
import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'
import { readLockedOrder } from '../orders/lockOrder'
import { reverseOrderPoints } from '../loyalty/orderPoints'
import { refuseWhileImpersonating } from '../sessions/impersonating'

import { giveBack, refundParentOfOrder } from './giveBack'
import { earnedOrder, earningAfterRefund } from './writerEarnings'

/**
 * Gives `amount` of what an order was paid back to its client (`giveBack`: where it goes,
 * the provider call, the refund row, the ledger, the client told), in the caller's
 * transaction with the order locked by the caller; then the order's paid amount and
 * payment status go down, and so do the writer's earning while it is not paid out and
 * the loyalty points the money earned. Returns the refund row.
 */
export const refundOrder = async (req: PayloadRequest, order: Order, amount: number, reason: string, ask: RefundAsk = {}) => {
  const row = await giveBack(req, refundParentOfOrder(order), amount, reason, ask)
  await earningAfterRefund(req, earnedOrder(order), amount, row.id)
  await reverseOrderPoints(req, order, { kind: 'refund', refund: row.id, amount })
  const amountPaid = order.amountPaid - amount
  await req.payload.update({
    collection: 'orders',
    id: order.id,
    data: { amountPaid, paymentStatus: amountPaid === 0 ? 'refunded' : 'partially_paid' },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  return row
}

/** The notification's facts naming what a refund gave money back for, with its number. */
const refundedRecordOf = async (req: PayloadRequest, refund: Refund): Promise<Record<string, number | string | null>> => {
  const orderId = idOf(refund.order)
  if (orderId) return { orderId, number: (await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })).number ?? null }
  const specialOrder = idOf(refund.specialOrder)
  if (specialOrder) return { specialOrder, number: (await req.payload.findByID({ collection: 'special-orders', id: specialOrder, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })).number ?? null }
  const classOrder = idOf(refund.classOrder)
  if (classOrder) return { classOrder, number: (await req.payload.findByID({ collection: 'class-orders', id: classOrder, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })).number ?? null }
  return { number: null }
}

/**
 * Stripe reports on a card refund (its webhook, already verified): a pending refund
 * that succeeds is marked so; one that fails or is canceled still owes the client the
 * money, so it goes to their wallet instead (gateway clearing → wallet), the card
 * payment's refunded amount goes back down and the refund is marked failed. The order
 * and the writer's earning stay as the refund left them: the client was refunded, only
 * by another route (the order may even be cancelled or paid again meanwhile). Returns
 * false when no refund of ours carries that Stripe id.
 */
export const providerRefundUpdate = async (req: PayloadRequest, refundId: string, status: string): Promise<boolean> => {
  const { docs } = await req.payload.find({ collection: 'refunds', where: { providerRefund: { equals: refundId } }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  if (!docs[0]) return false
  await lockRow(req, 'refunds', docs[0].id)
  const refund = await req.payload.findByID({ collection: 'refunds', id: docs[0].id, depth: 0, ...asSystem(proofOf(req)), req })
  if (refund.status === 'failed') return true
  if (status === 'succeeded') {
    if (refund.status === 'pending') await req.payload.update({ collection: 'refunds', id: refund.id, data: { status: 'succeeded' }, depth: 0, ...asSystem(proofOf(req)), req })
    return true
  }
  if (status !== 'failed' && status !== 'canceled') return true
  const tenant = idOf(refund.tenant)!
  const wallet = await ensureWallet(req, tenant, idOf(refund.client)!, 'client')
  await post(req, tenant, {
    reference: `refund-failed:${refund.providerRefund}`,
    type: 'provider_refund_failed',
    memo: `The card refund ${refund.providerRefund} ${status}: refunded to the wallet instead`,
    lines: [{ account: { system: 'gateway_clearing' }, debit: refund.amount }, { account: { wallet: wallet.id }, credit: refund.amount }],
  })
  const paymentId = idOf(refund.payment)
  if (paymentId) await execute(req, sql`UPDATE payments SET amount_refunded = amount_refunded - ${refund.amount} WHERE id = ${paymentId}`)
  await req.payload.update({ collection: 'refunds', id: refund.id, data: { status: 'failed' }, depth: 0, ...asSystem(proofOf(req)), req })
  await notify(req, {
    event: 'refund.failed',
    recipients: [idOf(refund.client)!],
    tenant,
    data: { refundId: refund.id, ...(await refundedRecordOf(req, refund)), amount: refund.amount, currency: wallet.currency },
    key: `refund.failed:${refund.id}`,
  })
  return true
}

/**
 * An admin's refund of an order over the API: the caller must see the order (404) and be
 * an admin of its website (403); then, under the order's lock, `refundOrder`.
 */
export const refundOrderAsAdmin = async (req: PayloadRequest, orderId: number, input: { amount: number; reason: string } & RefundAsk) => {
  refuseWhileImpersonating(req, 'refund')
  await adminOfVisible(req, 'orders', orderId, 'Only an admin of the website refunds.')
  return inTransaction(req, async () => refundOrder(req, await readLockedOrder(req, orderId), input.amount, input.reason, input))
}
