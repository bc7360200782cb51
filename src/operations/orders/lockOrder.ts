import type { PayloadRequest } from 'payload'

import { lockRow } from '@/db/locks'
import type { Order } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

/**
 * Takes the order's row lock for the rest of the request's transaction, so concurrent
 * actions on one order run one after another and each sees the last one's result.
 */
export const lockOrder = async (req: PayloadRequest, orderId: number): Promise<void> => {
  if (!(await lockRow(req, 'orders', orderId))) throw new Error(`order ${orderId} vanished`)
}

/** Locks the order, then reads it: what the caller sees cannot change until it commits. */
export const readLockedOrder = async (req: PayloadRequest, orderId: number): Promise<Order> => {
  await lockOrder(req, orderId)
  return req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req })
}
