import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import type { SpecialOrder, SpecialOrderQuote } from '@/payload-types'

/** The special order under its row lock: every change to it, its quotes and milestones runs under it. */
export const lockSpecialOrder = async (req: PayloadRequest, id: number): Promise<SpecialOrder> => {
  await lockRow(req, 'special_orders', id)
  return req.payload.findByID({ collection: 'special-orders', id, depth: 0, ...asSystem(proofOf(req)), req })
}

export const lockQuote = async (req: PayloadRequest, id: number): Promise<SpecialOrderQuote> => {
  await lockRow(req, 'special_order_quotes', id)
  return req.payload.findByID({ collection: 'special-order-quotes', id, depth: 0, ...asSystem(proofOf(req)), req })
}
