import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'

import type { Dispatcher } from './dispatcher'
import { QUEUE_NAME, queuePrefix } from './names'
import { HANDLER_RETRY, type RetryPolicy } from './retryPolicy'
import { withTimeout } from '@/server/withTimeout'

const DAY_S = 24 * 3600
const DISPATCH_TIMEOUT_MS = 2000

/** Dispatches to BullMQ; the job id makes a repeated dispatch a no-op. */
export const bullDispatcher = (connection: Redis, retry: RetryPolicy = HANDLER_RETRY): Dispatcher & { queue: Queue } => {
  const queue = new Queue(QUEUE_NAME, { connection, prefix: queuePrefix() })
  queue.on('error', () => {}) // logged by the connection
  return {
    queue,
    dispatch: async (jobId, data) => {
      // BullMQ waits for a connection that is down; the relay wants a quick no so that
      // the row stays pending and is retried with backoff.
      await withTimeout(DISPATCH_TIMEOUT_MS, 'the queue (Redis) did not answer', queue.add(data.type, data, {
        jobId,
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs },
        // The outbox row is the record (a job delivered twice finds it done, see
        // runOutboxJob); Redis keeps only recent ones for the queue dashboard, so its
        // memory stays bounded whatever the traffic (the soak counts its keys).
        removeOnComplete: { age: DAY_S, count: 1000 },
        removeOnFail: { age: 28 * DAY_S, count: 10_000 },
      }))
    },
    close: () => queue.close(),
  }
}
