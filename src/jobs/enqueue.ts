import type { PayloadRequest } from 'payload'

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
 * Nothing is sent until that transaction commits and the relay picks the row up.
 */
export const enqueue = async <T extends JobType>(req: PayloadRequest, job: Enqueue<T>) => {
  const row = await req.payload.create({
    collection: 'outbox',
    data: {
      type: job.type,
      tenant: job.tenant,
      payload: job.payload as Record<string, unknown>,
      dedupeKey: job.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      availableAt: new Date().toISOString(),
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return row.id
}
