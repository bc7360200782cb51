import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'

/**
 * Takes the order's row lock for the rest of the request's transaction, so concurrent
 * actions on one order run one after another and each sees the last one's result.
 */
export const lockOrder = async (req: PayloadRequest, orderId: number): Promise<void> => {
  const rows = await execute(req, sql`SELECT id FROM orders WHERE id = ${orderId} FOR UPDATE`)
  if (rows.length === 0) throw new Error(`order ${orderId} vanished`)
}
