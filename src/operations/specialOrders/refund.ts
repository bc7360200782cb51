import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import type { SpecialOrder } from '@/payload-types'

import { giveBack, refundParentOfSpecialOrder } from '../money/giveBack'
import { earnedSpecialOrder, earningAfterRefund } from '../money/writerEarnings'

import { cancelPlan } from './cancelPlan'
import { milestonesOf } from './milestones'

/**
 * Gives `amount` (all that was paid when null) of a special order's money back
 * (`giveBack`: wallet, card or recorded as paid outside), under the order's and its plans'
 * locks; the writer's earning goes down with it while not paid out. Everything back: the
 * order is refunded, its plans stop asking (even a partly paid invoice) and its paid
 * milestones read refunded. Part of it: the status stays, the funding reads partially
 * refunded. Returns the order's changes and the refund row.
 */
export const refundSpecialOrder = async (req: PayloadRequest, order: SpecialOrder, input: { amount: number | null; reason: string; ask: RefundAsk; actor: number | null; now: Date }) => {
  const paid = order.amountPaid ?? 0
  const amount = input.amount ?? paid
  const refund = await giveBack(req, refundParentOfSpecialOrder(order), amount, input.reason, input.ask)
  await earningAfterRefund(req, earnedSpecialOrder(order), amount, refund.id)
  const amountPaid = paid - amount
  if (amountPaid > 0) return { refund, data: { amountPaid, fundingStatus: 'partially_refunded' as const }, whole: false }
  await cancelPlan(req, order, input.now, { actor: input.actor, reason: `Special order ${order.number} refunded: ${input.reason}`, partlyPaidToo: true })
  for (const m of await milestonesOf(req, order.id)) {
    if (m.status === 'paid') await req.payload.update({ collection: 'funding-milestones', id: m.id, data: { status: 'refunded' }, depth: 0, ...asSystem(proofOf(req)), req })
  }
  return { refund, data: { amountPaid: 0, fundingStatus: 'refunded' as const, status: 'refunded' as const }, whole: true }
}
