import type { Payload } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import { ClientError } from '@/errors'

/**
 * Ids of the rows in `status` whose `field` date has come by `now`, oldest first: what a
 * payouts schedule has to handle (each then in its own transaction, re-checked under
 * its row lock).
 */
export const dueIds = async (payload: Payload, proof: SystemProof, collection: 'payment-windows' | 'payout-requests', status: 'open' | 'pending', field: 'closesAt' | 'expiresAt', now: Date): Promise<number[]> => {
  const { docs } = await payload.find({
    collection,
    where: { and: [{ status: { equals: status } }, { [field]: { less_than_equal: now.toISOString() } }] },
    sort: field,
    limit: 0,
    depth: 0,
    ...asSystem(proof),
    select: { status: true },
  })
  return docs.map((d) => d.id)
}

/**
 * Runs `fn` for each item on its own, so that one item that keeps failing (a bad row, a
 * database error) does not stop the others: its failure is logged and counted, and the
 * schedule's next run tries it again. Refusals (ClientError: decided meanwhile) count as
 * skipped, not failed.
 */
export const eachOnItsOwn = async <T>(payload: Payload, what: string, items: readonly T[], fn: (item: T) => Promise<boolean>) => {
  let done = 0
  let failed = 0
  for (const item of items) {
    try {
      if (await fn(item)) done += 1
    } catch (error) {
      if (error instanceof ClientError) continue
      failed += 1
      payload.logger.error({ err: error, item }, `${what} failed for one item; the others go on`)
    }
  }
  return { done, failed }
}
