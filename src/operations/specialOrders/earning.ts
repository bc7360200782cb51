import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockEarningOf } from '@/db/locks'
import { classCompensation as shareOfTotal } from '@/domain/classOrders/compensation'
import type { ClassCompensationKind } from '@/domain/classOrders/statuses'
import type { SpecialOrder } from '@/payload-types'

import { postEarning } from '../money/writerEarnings'

/**
 * At completion the assigned writer earns the pay set at assignment (a percentage of the
 * order's total as it stands then, change requests included, or the fixed amount), once
 * per order: a revision completed again keeps its one earning. Posted by `postEarning`
 * like any work, so payouts and the ledger see it; refunds take it back
 * (`earningAfterRefund`). Returns the amount (0: nothing to earn).
 */
export const earnSpecialOrder = async (req: PayloadRequest, order: SpecialOrder): Promise<number> => {
  const writer = idOf(order.writer)
  const kind = order.compensation?.kind as ClassCompensationKind | null | undefined
  if (!writer || !kind) return 0
  await lockEarningOf(req, 'specialOrder', order.id)
  const { totalDocs } = await req.payload.count({ collection: 'writer-earnings', where: { and: [{ specialOrder: { equals: order.id } }, { kind: { equals: 'special_order_earning' } }] }, ...asSystem(proofOf(req)), req })
  if (totalDocs > 0) return 0
  const value = order.compensation?.value ?? 0
  const amount = shareOfTotal({ kind, value }, order.total ?? 0)
  if (amount <= 0) return 0
  await postEarning(req, {
    tenant: idOf(order.tenant)!,
    writer,
    link: { specialOrder: order.id },
    kind: 'special_order_earning',
    amount,
    reference: `earning:special-order:${order.id}`,
    memo: `Special order ${order.number}`,
    breakdown: { kind, value, total: order.total ?? 0 },
  })
  return amount
}
