import type { Payload } from 'payload'

import type { JobPayloads, JobType } from './types'

export type JobContext<T extends JobType> = {
  payload: Payload
  /** The website the work is for (null for platform work); query with it explicitly. */
  tenant: number | null
  data: JobPayloads[T]
  outboxId: number
}

export type JobHandler<T extends JobType> = (ctx: JobContext<T>) => Promise<void>

export type HandlerRegistry = { [T in JobType]: JobHandler<T> }
