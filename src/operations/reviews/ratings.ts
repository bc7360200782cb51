import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { ratingAggregate } from '@/domain/reviews/rules'

/**
 * The writer's rating on their user row, recomputed from their approved reviews (each
 * counts its writer rating, else its rating) under the writer's row lock, in the caller's
 * transaction (the moderation action's): the cached figures always match the reviews.
 */
export const recomputeWriterRating = async (req: PayloadRequest, writer: number): Promise<{ average: number | null; count: number }> => {
  await lockRow(req, 'users', writer)
  const [row] = await execute<{ n: string | number; total: string | number | null }>(
    req,
    sql`SELECT COUNT(*) AS n, SUM(COALESCE(writer_rating, rating)) AS total FROM reviews WHERE writer_id = ${writer} AND status::text = 'approved'`,
  )
  const aggregate = ratingAggregate(Number(row?.n ?? 0), Number(row?.total ?? 0))
  await req.payload.update({ collection: 'users', id: writer, data: { ratingAverage: aggregate.average, ratingCount: aggregate.count }, depth: 0, ...asSystem(proofOf(req)), req })
  return aggregate
}
