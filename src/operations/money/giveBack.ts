import type { PayloadRequest, Where } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { partiesBut } from '@/domain/notifications/recipients'
import { type RefundAsk, type RefundRoute, refundRoute } from '@/domain/payments/refundRoute'
import { REFUND_ENTRY_TYPES } from '@/domain/payments/types'
import { ClientError, ProviderError, refuseField } from '@/errors'
import type { ClassOrder, Order, Payment, Refund, SpecialOrder } from '@/payload-types'

import { type AccountRef, post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { notify } from '../notifications/notify'
import { stripeClient } from '../payments/stripeClient'
import { clientWalletOn, walletRefusalError } from '../payments/walletSwitch'
import { refuseWhileImpersonating } from '../sessions/impersonating'

/** What a refund gives money back for: an order, a special order or a class order. */
export type RefundParent = {
  /** The refund row's link (exactly one of its three). */
  link: { order: number } | { specialOrder: number } | { classOrder: number }
  /** The ledger reference's middle part: `refund:<key>:<n>`. */
  key: string
  tenant: number
  client: number
  number: string
  currency: string
  amountPaid: number
  /** Where its card payments are found. */
  cardPayments: Where
  /** The notification's facts naming it (`orderId`, `specialOrder` or `classOrder`). */
  told: Record<string, number>
}

export const refundParentOfOrder = (order: Order): RefundParent => ({
  link: { order: order.id },
  key: `order:${order.id}`,
  tenant: idOf(order.tenant)!,
  client: idOf(order.client)!,
  number: order.number ?? String(order.id),
  currency: order.currency ?? 'USD',
  amountPaid: order.amountPaid,
  cardPayments: { and: [{ order: { equals: order.id } }, { purpose: { equals: 'order' } }] },
  told: { orderId: order.id },
})

/** A special order's money was paid on its plan invoices (milestones, installments, the whole invoice). */
export const refundParentOfSpecialOrder = (order: SpecialOrder): RefundParent => ({
  link: { specialOrder: order.id },
  key: `special-order:${order.id}`,
  tenant: idOf(order.tenant)!,
  client: idOf(order.client)!,
  number: order.number ?? String(order.id),
  currency: order.currency ?? 'USD',
  amountPaid: order.amountPaid ?? 0,
  cardPayments: { 'invoice.specialOrder': { equals: order.id } },
  told: { specialOrder: order.id },
})

/** A class order's money was paid on its plan invoice; it keeps no currency of its own (the website's). */
export const refundParentOfClassOrder = (classOrder: ClassOrder, currency: string): RefundParent => ({
  link: { classOrder: classOrder.id },
  key: `class-order:${classOrder.id}`,
  tenant: idOf(classOrder.tenant)!,
  client: idOf(classOrder.client)!,
  number: classOrder.number ?? String(classOrder.id),
  currency,
  amountPaid: classOrder.amountPaid ?? 0,
  cardPayments: { 'invoice.classOrder': { equals: classOrder.id } },
  told: { classOrder: classOrder.id },
})

/**
 * The parent's card payment that can take `amount` back: the newest succeeded Stripe
 * payment with that much not yet refunded, under its row lock. 422 naming the most one
 * card refund can be when none can: naming `amount` when the card was asked for, and
 * `destination` when it was only the default of a website without a wallet.
 */
const refundablePayment = async (req: PayloadRequest, parent: RefundParent, amount: number, route: RefundRoute): Promise<Payment> => {
  const { docs } = await req.payload.find({
    collection: 'payments',
    where: { and: [parent.cardPayments, { provider: { equals: 'stripe' } }, { status: { equals: 'succeeded' } }] },
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
 * Gives `amount` of what a record was paid back to its client, in the caller's
 * transaction, with the record locked by the caller: never more than it still holds (422
 * naming the most). Where it goes (`refundRoute`): by default the wallet, or the card on a
 * website without a wallet, which refuses the wallet (422 naming `destination`). To the
 * wallet: revenue → the client's wallet. To the provider: Stripe refunds the card payment
 * (its idempotency key is the refund's reference, so a retried request never refunds
 * twice), then revenue → gateway clearing; if Stripe refuses, nothing is written.
 * External (staff paid it back outside the platform, by bank transfer or cash): no call
 * anywhere, revenue → platform cash, the payment's reference kept on the refund. The
 * client is told (`refund.issued`). What the record itself does with it (paid amount,
 * statuses, the writer's earning) is the caller's. Returns the refund row.
 */
export const giveBack = async (req: PayloadRequest, parent: RefundParent, amount: number, reason: string, ask: RefundAsk = {}): Promise<Refund> => {
  // A cancellation's refund too: staff acting as a client do not move the client's money.
  refuseWhileImpersonating(req, 'refund')
  if (!Number.isInteger(amount) || amount <= 0) throw new ClientError('amount: a positive number of cents.', 400, { field: 'amount' })
  if (amount > parent.amountPaid) throw new ClientError(`amount: at most ${parent.amountPaid} cents can be refunded on ${parent.number}.`, 422, { field: 'amount', refundable: parent.amountPaid })
  const { tenant, client } = parent
  const routed = refundRoute(ask, await clientWalletOn(req, tenant))
  if ('refusal' in routed) {
    const { refusal } = routed
    throw refusal.status === 422 ? walletRefusalError(refusal) : refuseField('refunds', refusal.field, refusal.message, refusal.status)
  }
  const { route } = routed
  const { destination } = route
  const { totalDocs: previous } = await req.payload.count({ collection: 'refunds', where: Object.fromEntries(Object.entries(parent.link).map(([field, id]) => [field, { equals: id }])), ...asSystem(proofOf(req)), req })
  const reference = `refund:${parent.key}:${previous + 1}`

  let credited: AccountRef
  let provider: { payment: Payment; refundId: string; status: 'succeeded' | 'pending' } | null = null
  if (destination === 'wallet') credited = { wallet: (await ensureWallet(req, tenant, client, 'client')).id }
  else if (destination === 'external') credited = { system: 'platform_cash' }
  else {
    // Which card payment first: a record that no card can refund hears so, whatever the server's set-up.
    const payment = await refundablePayment(req, parent, amount, route)
    const stripe = stripeClient()
    if (!stripe) throw new ClientError('destination: card refunds are not configured on this server.', 400, { field: 'destination' })
    let refund
    try {
      refund = await stripe.refunds.create({ payment_intent: payment.providerPaymentIntent!, amount, metadata: { reference, ...Object.fromEntries(Object.entries(parent.link).map(([k, v]) => [k, String(v)])) } }, { idempotencyKey: reference })
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
      ...parent.link,
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
  const told = partiesBut(actorOf(req)?.id, [client])
  if (told.length > 0) {
    await notify(req, {
      event: 'refund.issued',
      recipients: told,
      tenant,
      data: { refundId: row.id, ...parent.told, number: parent.number, amount, currency: parent.currency, destination },
      key: `refund.issued:${row.id}`,
    })
  }
  return row
}
