import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'

import type { RequestKind, RequestStatus } from '@/domain/orders/requests'
import { ALL_OPEN_REQUEST_STATUSES } from '@/domain/orders/requests'
import type { Order, OrderRequest } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

/**
 * Reads and writes of an order's workflow records, always inside the action's
 * transaction (`req`) and with the order's tenant stated explicitly.
 */
export { idOf }

export const tenantOf = (order: Order): number => {
  const id = idOf(order.tenant)
  if (id === null) throw new Error(`order ${order.id} has no tenant`)
  return id
}

export const openRequests = async (req: PayloadRequest, orderId: number): Promise<OrderRequest[]> => {
  const { docs } = await req.payload.find({
    collection: 'order-requests',
    where: { and: [{ order: { equals: orderId } }, { status: { in: [...ALL_OPEN_REQUEST_STATUSES] } }] },
    depth: 0,
    limit: 100,
    pagination: false,
    ...asSystem(proofOf(req)),
    req,
  })
  return docs
}

export const createRequest = async (
  req: PayloadRequest,
  order: Order,
  data: { kind: RequestKind; status: RequestStatus; requestedBy: number | null } & Partial<Pick<OrderRequest, 'reason' | 'description' | 'statusBefore' | 'forfeitPercent'>>,
) =>
  req.payload.create({
    collection: 'order-requests',
    data: { ...data, tenant: tenantOf(order), order: order.id },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })

export const updateRequest = async (req: PayloadRequest, id: number, data: Partial<Pick<OrderRequest, 'status' | 'outcome' | 'resolution' | 'forfeitPercent' | 'decidedBy' | 'decidedAt'>>) =>
  req.payload.update({ collection: 'order-requests', id, data, depth: 0, ...asSystem(proofOf(req)), req })

/** Moves every open request of these kinds to `status` (e.g. all holds released). */
export const closeRequests = async (req: PayloadRequest, orderId: number, kinds: RequestKind[], status: RequestStatus, decidedBy: number | null, now: Date) => {
  await req.payload.update({
    collection: 'order-requests',
    where: { and: [{ order: { equals: orderId } }, { kind: { in: kinds } }, { status: { in: [...ALL_OPEN_REQUEST_STATUSES] } }] },
    data: { status, decidedBy, decidedAt: now.toISOString() },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}
