import type { PayloadRequest, Where } from 'payload'

import type { Order } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { rateCardFor } from '../money/writerEarnings'

import { tenantOf } from './records'

type Source = 'staff_assignment' | 'self_take' | 'accepted_interest' | 'direct_acceptance' | 'preferred_writer_acceptance'

/**
 * Makes `writerId` the order's one current writer: their pending interest is accepted,
 * everyone else's superseded, and an assignment row records how. Returns the order's
 * side of the change.
 */
export const assignWriter = async (req: PayloadRequest, order: Order, writerId: number, source: Source, assignedBy: number | null, now: Date) => {
  const pending: Where = { and: [{ order: { equals: order.id } }, { status: { equals: 'pending' } }] }
  await req.payload.update({ collection: 'order-interests', where: { and: [pending, { writer: { not_equals: writerId } }] }, data: { status: 'superseded' }, depth: 0, ...asSystem(proofOf(req)), req })
  await req.payload.update({ collection: 'order-interests', where: { and: [pending, { writer: { equals: writerId } }] }, data: { status: 'accepted' }, depth: 0, ...asSystem(proofOf(req)), req })
  await req.payload.create({
    collection: 'order-assignments',
    data: { tenant: tenantOf(order), order: order.id, writer: writerId, assignedBy, source, status: 'active', isCurrent: true },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  return {
    writer: writerId,
    // The level's pay as it stands now: later changes of the level do not touch this order.
    rateCard: await rateCardFor(req, tenantOf(order), writerId),
    pendingWriter: null,
    visibility: 'hidden' as const,
    timestamps: { ...order.timestamps, assignedAt: now.toISOString() },
  }
}

/** Ends the current assignment (released, cancelled with the order, or completed). */
export const endAssignment = async (req: PayloadRequest, order: Order, status: 'released' | 'cancelled' | 'completed', reason: string | null, now: Date) => {
  await req.payload.update({
    collection: 'order-assignments',
    where: { and: [{ order: { equals: order.id } }, { isCurrent: { equals: true } }] },
    data: { isCurrent: status === 'completed', status, releasedAt: now.toISOString(), releaseReason: reason },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}

/** Back to the pool without a writer: the order's side of a release or reassignment. */
export const backToPool = (order: Order) => ({
  writer: null,
  pendingWriter: null,
  visibility: 'pool' as const,
  preferredWriterStatus: order.preferredWriter ? ('fallback_to_pool' as const) : ('not_requested' as const),
  invitedAt: null,
})
