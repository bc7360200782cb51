import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { ClientError, ProviderError, refuseField } from '@/errors'
import { partiesBut } from '@/domain/notifications/recipients'
import { type RefundAsk, type RefundRoute, refundRoute } from '@/domain/payments/refundRoute'
import { REFUND_ENTRY_TYPES } from '@/domain/payments/types'
import { asSystem, proofOf } from '@/access/system'
import type { Order, Payment } from '@/payload-types'

import { type AccountRef, post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { adminOfVisible } from '../gate'
import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'
import { readLockedOrder } from '../orders/lockOrder'
import { reverseOrderPoints } from '../loyalty/orderPoints'
import { refuseWhileImpersonating } from '../sessions/impersonating'
import { stripeClient } from '../payments/stripeClient'
import { clientWalletOn, walletRefusalError } from '../payments/walletSwitch'

import { earningAfterRefund } from './writerEarnings'

/**
 * The order's card payment that can take `amount` back: the newest succeeded Stripe
 * payment with that much not yet refunded, under its row lock. 422 naming the most one
 * card refund can be when none can: naming `amount` when the card was asked for, and
 * `destination` when it was only the default of a website without a wallet.
 */
const refundablePayment = async (req: PayloadRequest, order: Order, amount: number, route: RefundRoute): Promise<Payment> => {
  const { docs } = await req.payload.find({
    collection: 'payments',
    where: { and: [{ order: { equals: order.id } }, { purpose: { equals: 'order' } }, { provider: { equals: 'stripe' } }, { status: { equals: 'succeeded' } }] },
    sort: '-createdAt',
    depth: 0,
    limit: 50,
    ...asSystem(proofOf(req)),
    req,
  })
  const room = (p: Payment) => p.amount - (p.amountRefunded ?? 0)
  const payment = docs.find((p) => room(p) >= amount && p.providerPaymentIntent)
  if (!payment) {
    const most = Math.max(0, ...docs.filter((p) => p.providerPaymentIntent).map(room))
    if (route.defaulted) {
      const message = `destination: this website does not offer a wallet and at most ${most} cents can go back to the card in one refund; record money paid back outside the platform (external, with externalReference).`
      throw new ClientError(message, 422, { field: 'destination', refundable: most, errors: [{ path: 'destination', message }] })
    }
    throw new ClientError(`amount: at most ${most} cents can go back to the card in one refund (the rest was paid another way).`, 422, { field: 'amount', refundable: most })
  }
  await lockRow(req, 'payments', payment.id)
  return payment
}

/**
 * Gives `amount` of what an order was paid back to its client, in the caller's
 * transaction, with the order locked by the caller: never more than the order still
 * holds (422 naming the most). Where it goes (`refundRoute`): by default the wallet, or
 * the card on a website without a wallet, which refuses the wallet (422 naming
 * `destination`). To the wallet: revenue → the client's wallet. To the provider: Stripe
 * refunds the card payment (its idempotency key is the refund's reference, so a retried
 * request never refunds twice), then revenue → gateway clearing; if Stripe refuses,
 * nothing is written. External (staff paid it back outside the platform, by bank
 * transfer or cash, as `markPaid` records money received outside it): no call anywhere,
 * revenue → platform cash, the payment's reference kept on the refund. In every case the
 * order's paid amount and payment status go down, and so does the writer's earning while
 * it is not paid out; the client is told (`refund.issued`). Returns the refund row.
 */
export const refundOrder = async (req: PayloadRequest, order: Order, amount: number, reason: string, ask: RefundAsk = {}) => {
  // A cancellation's refund too: staff acting as a client do not move the client's money.
  refuseWhileImpersonating(req, 'refund')
  if (!Number.isInteger(amount) || amount <= 0) throw new ClientError('amount: a positive number of cents.', 400, { field: 'amount' })
  if (amount > order.amountPaid) throw new ClientError(`amount: at most ${order.amountPaid} cents can be refunded on this order.`, 422, { field: 'amount', refundable: order.amountPaid })
  const tenant = idOf(order.tenant)!
  const client = idOf(order.client)!
  const routed = refundRoute(ask, await clientWalletOn(req, tenant))
  if ('refusal' in routed) {
    const { refusal } = routed
    throw refusal.status === 422 ? walletRefusalError(refusal) : refuseField('refunds', refusal.field, refusal.message, refusal.status)
  }
  const { route } = routed
  const { destination } = route
  const { totalDocs: previous } = await req.payload.count({ collection: 'refunds', where: { order: { equals: order.id } }, ...asSystem(proofOf(req)), req })
  const reference = `refund:order:${order.id}:${previous + 1}`

  let credited: AccountRef
  let provider: { payment: Payment; refundId: string; status: 'succeeded' | 'pending' } | null = null
  if (destination === 'wallet') credited = { wallet: (await ensureWallet(req, tenant, client, 'client')).id }
  else if (destination === 'external') credited = { system: 'platform_cash' }
  else {
    // Which card payment first: an order that no card can refund hears so, whatever the server's set-up.
    const payment = await refundablePayment(req, order, amount, route)
    const stripe = stripeClient()
    if (!stripe) throw new ClientError('destination: card refunds are not configured on this server.', 400, { field: 'destination' })
    let refund
    try {
      refund = await stripe.refunds.create({ payment_intent: payment.providerPaymentIntent!, amount, metadata: { reference, order: String(order.id) } }, { idempotencyKey: reference })
    } catch (error) {
      throw new ProviderError(`The card refund was refused by the provider: ${(error as Error).message}`, { field: 'destination' })
    }
    if (refund.status === 'failed' || refund.status === 'canceled') throw new ProviderError(`The card refund was refused by the provider (${refund.status}).`, { field: 'destination' })
    provider = { payment, refundId: refund.id, status: refund.status === 'succeeded' ? 'succeeded' : 'pending' }
    credited = { system: 'gateway_clearing' }
    await req.payload.update({ collection: 'payments', id: payment.id, data: { amountRefunded: (payment.amountRefunded ?? 0) + amount }, depth: 0, ...asSystem(proofOf(req)), req })
  }

  const row = await req.payload.create({
    collection: 'refunds',
    data: {
      tenant,
      order: order.id,
      client,
      amount,
      destination,
      externalReference: route.externalReference,
      reason,
      createdBy: actorOf(req)?.id ?? null,
      payment: provider?.payment.id ?? null,
      providerRefund: provider?.refundId ?? null,
      status: provider?.status ?? 'succeeded',
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await post(req, tenant, {
    reference,
    type: REFUND_ENTRY_TYPES[destination],
    memo: reason,
    lines: [{ account: { system: 'platform_revenue' }, debit: amount }, { account: credited, credit: amount }],
  })
  await earningAfterRefund(req, order, amount, row.id)
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
  const told = partiesBut(actorOf(req)?.id, [client])
  if (told.length > 0) {
    await notify(req, {
      event: 'refund.issued',
      recipients: told,
      tenant,
      data: { refundId: row.id, orderId: order.id, number: order.number, amount, currency: order.currency, destination },
      key: `refund.issued:${row.id}`,
    })
  }
  return row
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
  const orderId = idOf(refund.order)
  const order = orderId ? await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } }) : null
  await notify(req, {
    event: 'refund.failed',
    recipients: [idOf(refund.client)!],
    tenant,
    data: { refundId: refund.id, orderId, number: order?.number ?? null, amount: refund.amount, currency: wallet.currency },
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
