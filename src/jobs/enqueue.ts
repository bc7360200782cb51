import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'

import type { JobPayloads, JobType } from './types'

export type Enqueue<T extends JobType> = {
  type: T
  /** The website the work is for; handlers receive it and query with it explicitly. */
  tenant: number | null
  payload: JobPayloads[T]
  /** Rows with the same key produce one job (e.g. `welcome:<userId>`). */
  dedupeKey?: string
}

/**
 * Records a side effect in the caller's transaction (pass the request that carries it).
 * Nothing is sent until that transaction commits and the relay picks the row up. One
 * plain INSERT: the outbox has no hooks or relationships, and nearly every write of the
 * platform adds rows here, so the Local API's validation and read-back would only cost.
 */
export const enqueue = async <T extends JobType>(req: PayloadRequest, job: Enqueue<T>): Promise<number> => {
  const [row] = await execute<{ id: number }>(
    req,
    sql`INSERT INTO outbox (type, tenant_id, payload, dedupe_key, status, attempts, available_at)
        VALUES (${job.type}, ${job.tenant}, ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey ?? null}, 'pending', 0, now())
        RETURNING id`,
  )
  return row!.id
}

/** Several side effects in one INSERT (their ids in order): what one event queues for one person. */
export const enqueueAll = async (req: PayloadRequest, jobs: readonly Enqueue<JobType>[]): Promise<number[]> => {
  if (jobs.length === 0) return []
  const rows = await execute<{ id: number }>(
    req,
    sql`INSERT INTO outbox (type, tenant_id, payload, dedupe_key, status, attempts, available_at)
        VALUES ${sql.join(
          jobs.map((job) => sql`(${job.type}, ${job.tenant}, ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey ?? null}, 'pending', 0, now())`),
          sql`, `,
        )}
        RETURNING id`,
  )
  return rows.map((row) => row.id)
}
