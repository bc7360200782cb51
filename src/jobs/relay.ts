import { createHash } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import type { Outbox } from '@/payload-types'
import { asSystem, systemProof } from '@/access/system'

import type { Dispatcher } from './dispatcher'
import { backoffMs, RELAY_ATTEMPTS } from './retryPolicy'
import type { JobType } from './types'

const proof = systemProof('outbox relay')

/** The queue's job id: one per row, or one per dedupe key (BullMQ ids may not contain ':'). */
export const jobIdFor = (row: Pick<Outbox, 'id' | 'dedupeKey'>): string =>
  row.dedupeKey ? `dedupe-${createHash('sha256').update(row.dedupeKey).digest('hex').slice(0, 32)}` : `outbox-${row.id}`

export type RelayResult = { dispatched: number; duplicates: number; retried: number; failed: number }

type RelayChange = { status?: 'dispatched' | 'done' | 'failed'; dispatchedAt?: string; doneAt?: string; attempts?: number; lastError?: string; availableAt?: string }

/**
 * One conditional UPDATE: the row moves only while it is still pending. (Payload's
 * update reads the row, then writes it whole: a job that finished in between went back
 * from done to dispatched, its redacted secrets restored.)
 */
const markIfPending = (payload: Payload, id: number, change: RelayChange) =>
  execute({ payload } as PayloadRequest, sql`
    UPDATE outbox SET
      status = COALESCE(${change.status ?? null}::enum_outbox_status, status),
      dispatched_at = COALESCE(${change.dispatchedAt ?? null}::timestamptz, dispatched_at),
      done_at = COALESCE(${change.doneAt ?? null}::timestamptz, done_at),
      attempts = COALESCE(${change.attempts ?? null}::numeric, attempts),
      last_error = COALESCE(${change.lastError ?? null}::varchar, last_error),
      available_at = COALESCE(${change.availableAt ?? null}::timestamptz, available_at),
      updated_at = now()
    WHERE id = ${id} AND status = 'pending'`)

/**
 * Moves committed, due outbox rows to the queue. Safe to run in several processes at
 * once: a row's job id is fixed, so a second dispatch of it is a no-op in the queue, and
 * rows are only moved out of `pending`, never back. A failed hand-over is retried with
 * backoff; after RELAY_ATTEMPTS the row becomes a dead letter.
 */
export const relayOnce = async (payload: Payload, dispatcher: Dispatcher, options: { batch?: number } = {}): Promise<RelayResult> => {
  const now = new Date()
  const result: RelayResult = { dispatched: 0, duplicates: 0, retried: 0, failed: 0 }
  const { docs } = await payload.find({
    collection: 'outbox',
    where: { and: [{ status: { equals: 'pending' } }, { availableAt: { less_than_equal: now.toISOString() } }] },
    sort: 'id',
    limit: options.batch ?? 100,
    pagination: false,
    depth: 0,
    ...asSystem(proof),
  })
  for (const row of docs) {
    if (row.dedupeKey) {
      const earlier = await payload.count({
        collection: 'outbox',
        where: {
          and: [{ dedupeKey: { equals: row.dedupeKey } }, { id: { not_equals: row.id } }, { status: { in: ['dispatched', 'done'] } }],
        },
        ...asSystem(proof),
      })
      if (earlier.totalDocs > 0) {
        await markIfPending(payload, row.id, { status: 'done', doneAt: now.toISOString(), lastError: `duplicate of dedupe key ${row.dedupeKey}` })
        result.duplicates += 1
        continue
      }
    }
    try {
      const tenant = typeof row.tenant === 'object' && row.tenant ? row.tenant.id : (row.tenant ?? null)
      await dispatcher.dispatch(jobIdFor(row), { outboxId: row.id, type: row.type as JobType, tenant })
      await markIfPending(payload, row.id, { status: 'dispatched', dispatchedAt: new Date().toISOString() })
      result.dispatched += 1
    } catch (error) {
      const attempts = (row.attempts ?? 0) + 1
      const lastError = `relay: ${error instanceof Error ? error.message : String(error)}`
      if (attempts >= RELAY_ATTEMPTS) {
        await markIfPending(payload, row.id, { status: 'failed', attempts, lastError })
        result.failed += 1
      } else {
        const availableAt = new Date(Date.now() + backoffMs(attempts, 500)).toISOString()
        await markIfPending(payload, row.id, { attempts, lastError, availableAt })
        result.retried += 1
      }
      // The queue is unreachable: the other rows wait for the next pass.
      break
    }
  }
  return result
}

/** A dispatched row not done after this long has likely lost its job (a Redis that restarted without its data). */
export const STALE_DISPATCH_MS = 60_000

/**
 * Hands rows dispatched long ago and still not done to the queue again, under the same
 * job id: a job the queue still holds (waiting, running, retrying) makes it a no-op; one
 * the queue lost (Redis restarted without persistence, a flushed Redis) is queued again,
 * and runs once (`runOutboxJob` skips a row already done). Answers how many were handed.
 */
export const redispatchStale = async (payload: Payload, dispatcher: Dispatcher, now: Date, staleMs = STALE_DISPATCH_MS): Promise<number> => {
  const rows = await execute<{ id: number; type: string; tenant_id: number | null; dedupe_key: string | null }>(
    { payload } as PayloadRequest,
    sql`SELECT id, type, tenant_id, dedupe_key FROM outbox
        WHERE status = 'dispatched' AND dispatched_at < ${new Date(now.getTime() - staleMs).toISOString()}::timestamptz
        ORDER BY id LIMIT 500`,
  )
  let handed = 0
  for (const row of rows) {
    await dispatcher.dispatch(jobIdFor({ id: row.id, dedupeKey: row.dedupe_key }), { outboxId: row.id, type: row.type as JobType, tenant: row.tenant_id })
    await execute({ payload } as PayloadRequest, sql`UPDATE outbox SET dispatched_at = now(), updated_at = now() WHERE id = ${row.id} AND status = 'dispatched'`)
    handed += 1
  }
  if (handed > 0) payload.logger.warn({ rows: handed }, 'outbox: dispatched rows not done for a minute were handed to the queue again')
  return handed
}
