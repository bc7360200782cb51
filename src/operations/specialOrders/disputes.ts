import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import type { OrderRequest, SpecialOrder } from '@/payload-types'

/** The special order's open dispute (an `order-requests` row of kind dispute), or null. */
export const openDisputeOf = async (req: PayloadRequest, orderId: number): Promise<OrderRequest | null> =>
  (await req.payload.find({ collection: 'order-requests', where: { and: [{ specialOrder: { equals: orderId } }, { kind: { equals: 'dispute' } }, { status: { equals: 'open' } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })).docs[0] ?? null

/** The client disputes the work: an open dispute with its coded reason and their account of it. */
export const openDispute = (req: PayloadRequest, order: SpecialOrder, actor: number | null, input: { reason: string; description: string }) =>
  req.payload.create({
    collection: 'order-requests',
    data: { tenant: idOf(order.tenant)!, specialOrder: order.id, kind: 'dispute', status: 'open', requestedBy: actor, reason: input.reason, description: input.description },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })

/** Staff settle it: the outcome, their summary, who and when (the refund, if any, is the caller's). */
export const resolveDispute = (req: PayloadRequest, dispute: OrderRequest, input: { outcome: string; summary: string; amount: number | null; actor: number | null; now: Date }) =>
  req.payload.update({
    collection: 'order-requests',
    id: dispute.id,
    data: { status: 'resolved', outcome: input.outcome, resolution: input.summary, amount: input.amount, decidedBy: input.actor, decidedAt: input.now.toISOString() },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
