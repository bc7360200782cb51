import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import type { SpecialOrder, SpecialOrderQuote } from '@/payload-types'

/** The special order under its row lock: every change to it, its quotes and milestones runs under it. */
export const lockSpecialOrder = async (req: PayloadRequest, id: number): Promise<SpecialOrder> => {
  await lockRow(req, 'special_orders', id)
  return req.payload.findByID({ collection: 'special-orders', id, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * The special order for one of its workflow actions: its plan invoices first (by id),
 * then its row. A payment's settlement takes its invoice and then the order
 * (`fundSpecialOrder`), so an action that cancels the plan must not hold the order while it
 * waits for an invoice: taken in this order the two queue instead of deadlocking.
 */
export const lockSpecialOrderAndPlans = async (req: PayloadRequest, id: number): Promise<SpecialOrder> => {
  await execute(req, sql`SELECT id FROM invoices WHERE special_order_id = ${id} ORDER BY id FOR UPDATE`)
  return lockSpecialOrder(req, id)
}

export const lockQuote = async (req: PayloadRequest, id: number): Promise<SpecialOrderQuote> => {
  await lockRow(req, 'special_order_quotes', id)
  return req.payload.findByID({ collection: 'special-order-quotes', id, depth: 0, ...asSystem(proofOf(req)), req })
}
