import type { JobData } from './types'

/** Hands a committed outbox row to whatever runs jobs: BullMQ, or the process itself. */
export type Dispatcher = {
  /** Adds the job unless one with this id exists already. Throws when it cannot. */
  dispatch: (jobId: string, data: JobData) => Promise<void>
  close: () => Promise<void>
}
