import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { orderPointsSoFar } from '@/db/loyaltyLocks'
import { pointsForOrder, reversePoints } from '@/domain/loyalty/points'
import type { LoyaltyTransaction, Order } from '@/payload-types'

import { changePoints } from './award'
import { websiteLoyalty } from './settings'

/**
 * Points for an approved order (the `approve` effect, manual or automatic, in the action's
 * transaction): the website's rate on what the client paid after any discount, once per
 * order whatever retries the approval (`loyalty:order:<id>`). Nothing when the website
 * has loyalty off or the order earns no whole point.
 */
export const awardOrderPoints = async (req: PayloadRequest, order: Order, now: Date): Promise<LoyaltyTransaction | null> => {
  const tenant = idOf(order.tenant)
  const client = idOf(order.client)
  if (!tenant || !client) return null
  const settings = await websiteLoyalty(req, tenant)
  if (!settings.enabled) return null
  // What the client paid for it: its total after discount, less anything refunded before approval.
  const paid = Math.min(order.total, order.amountPaid)
  const points = pointsForOrder(paid, settings)
  if (points <= 0) return null
  return changePoints(req, { tenant, client, points, kind: 'earn', reason: `Order ${order.number} approved on ${now.toISOString().slice(0, 10)}`, reference: `loyalty:order:${order.id}`, order: order.id })
}

export type ReversalCause = { kind: 'cancel' } | { kind: 'refund'; refund: number; amount: number }

/**
 * Takes back what an order earned when it is cancelled (all of it) or refunded (the
 * refunded share of what was paid, so what the client still paid keeps its points): under
 * the account's lock, never below a zero balance; what could not be taken back because it
 * was spent is recorded on the reversal row as `shortfall` and counts as reversed, so a
 * later reversal does not ask for it again. Once per cause (`loyalty:reversal:<order>:…`).
 */
export const reverseOrderPoints = async (req: PayloadRequest, order: Order, why: ReversalCause): Promise<LoyaltyTransaction | null> => {
  const tenant = idOf(order.tenant)
  const client = idOf(order.client)
  if (!tenant || !client) return null
  const cause = why.kind === 'cancel' ? 'cancel' : `refund:${why.refund}`
  const reason = why.kind === 'cancel' ? `Order ${order.number} cancelled` : `Order ${order.number} refunded ${why.amount} cents`
  return changePoints(req, { tenant, client, kind: 'reversal', reason, reference: `loyalty:reversal:${order.id}:${cause}`, order: order.id }, async (account) => {
    const { earned, reversed } = await orderPointsSoFar(req, order.id)
    if (earned <= 0) return null
    // What the order may still keep: nothing once cancelled; after a refund, the share of
    // its total that stays paid (against the total, so successive partial refunds add up).
    const stillPaid = why.kind === 'cancel' ? 0 : Math.max(0, order.amountPaid - why.amount)
    const keep = why.kind === 'cancel' || order.total <= 0 ? 0 : Math.min(earned, Math.floor((earned * stillPaid) / order.total))
    const owed = earned - keep - reversed
    if (owed <= 0) return null
    const { reversed: taken, unrecovered } = reversePoints(owed, account.balance)
    return { points: -taken, shortfall: unrecovered > 0 ? unrecovered : null }
  })
}
