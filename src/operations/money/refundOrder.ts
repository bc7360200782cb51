import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { ClientError } from '@/errors'
import type { Order } from '@/payload-types'

import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'

/**
 * Gives `amount` of what an order was paid back to its client's wallet, in the caller's
 * transaction, with the order locked by the caller: never more than the order still
 * holds (422 naming the most), revenue reversed into the wallet, the order's paid amount
 * and payment status lowered. Returns the refund row.
 */
export const refundOrder = async (req: PayloadRequest, order: Order, amount: number, reason: string) => {
  if (!Number.isInteger(amount) || amount <= 0) throw new ClientError('amount: a positive number of cents.', 400, { field: 'amount' })
  if (amount > order.amountPaid) throw new ClientError(`amount: at most ${order.amountPaid} cents can be refunded on this order.`, 422, { field: 'amount', refundable: order.amountPaid })
  const tenant = idOf(order.tenant)!
  const client = idOf(order.client)!
  const wallet = await ensureWallet(req, tenant, client, 'client')
  const { totalDocs: previous } = await req.payload.count({ collection: 'refunds', where: { order: { equals: order.id } }, overrideAccess: true, req })
  const refund = await req.payload.create({
    collection: 'refunds',
    data: { tenant, order: order.id, client, amount, destination: 'wallet', reason, createdBy: actorOf(req)?.id ?? null },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await post(req, tenant, {
    reference: `refund:order:${order.id}:${previous + 1}`,
    type: 'client_wallet_refund',
    memo: reason,
    lines: [{ account: { system: 'platform_revenue' }, debit: amount }, { account: { wallet: wallet.id }, credit: amount }],
  })
  const amountPaid = order.amountPaid - amount
  await req.payload.update({
    collection: 'orders',
    id: order.id,
    data: { amountPaid, paymentStatus: amountPaid === 0 ? 'refunded' : 'partially_paid' },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return refund
}
