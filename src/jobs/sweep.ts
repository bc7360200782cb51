import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { ClientError } from '@/errors'
import { asSystem, systemProof } from '@/access/system'
import { inTransaction } from '@/operations/inTransaction'

const proof = systemProof('a schedule walking records')

export type SweepCounts = { done: number; failed: number }

const BATCH = 200

/**
 * Ids of the rows of `collection` matching `where`, a batch at a time in id order, each
 * once per run. The next batch starts after the last id seen, so rows that a handler
 * changed (and that no longer match) neither repeat nor shift the pages.
 */
export async function* idsMatching(payload: Payload, collection: CollectionSlug, where: Where): AsyncGenerator<number> {
  let after = 0
  for (;;) {
    const { docs } = await payload.find({ collection, where: { and: [where, { id: { greater_than: after } }] }, sort: 'id', limit: BATCH, pagination: false, depth: 0, ...asSystem(proof), select: {} })
    for (const { id } of docs) {
      after = Number(id)
      yield after
    }
    if (docs.length < BATCH) return
  }
}

/**
 * The one loop of every schedule that walks many records: `handle` runs for each item on
 * its own request and in its own transaction, so one item that keeps failing (a bad
 * row, a database error) rolls back only its own work and does not stop the others: its
 * failure is logged and counted, and the schedule's next run tries it again. `handle`
 * answers whether it did something; a refusal (ClientError: the record moved on
 * meanwhile) counts as neither done nor failed.
 */
export const sweep = async <T>(
  payload: Payload,
  name: string,
  items: Iterable<T> | AsyncIterable<T>,
  handle: (item: T, req: PayloadRequest) => Promise<boolean>,
): Promise<SweepCounts> => {
  const counts: SweepCounts = { done: 0, failed: 0 }
  for await (const item of items) {
    try {
      const req = await createLocalReq({}, payload)
      if (await inTransaction(req, () => handle(item, req))) counts.done += 1
    } catch (error) {
      if (error instanceof ClientError) continue
      counts.failed += 1
      payload.logger.error({ err: error, sweep: name, item }, `sweep ${name}: one item failed; the others go on`)
    }
  }
  return counts
}

/** Two sweeps' counts as one schedule's. */
export const addCounts = (a: SweepCounts, b: SweepCounts): SweepCounts => ({ done: a.done + b.done, failed: a.failed + b.failed })
