import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { defaultOrderPrefix, formatOrderNumber } from '@/domain/orders/number'

/**
 * The next order number of a website: an atomic increment of its counter in the
 * request's transaction. The row lock it takes orders concurrent placements on one
 * website (no duplicates, no gaps) and is released when the placement commits.
 */
export const allocateOrderNumber = async (req: PayloadRequest, tenantId: number): Promise<string> => {
  const rows = await execute<{ seq: string; prefix: string | null; slug: string }>(
    req,
    sql`UPDATE tenants SET order_sequence = COALESCE(order_sequence, 0) + 1 WHERE id = ${tenantId} RETURNING order_sequence AS seq, order_prefix AS prefix, slug`,
  )
  const row = rows[0]
  if (!row) throw new Error(`website ${tenantId} does not exist`)
  return formatOrderNumber(row.prefix || defaultOrderPrefix(row.slug), Number(row.seq))
}
