import type { Payload } from 'payload'

import type { Dispatcher } from './dispatcher'
import type { HandlerRegistry } from './handler'
import { backoffMs, HANDLER_RETRY, type RetryPolicy } from './retryPolicy'
import { runOutboxJob } from './runOutboxJob'

/**
 * Runs jobs inside this process when no Redis is configured: same handlers, same retry
 * policy and dead letters, no durability beyond the outbox rows themselves.
 */
export const inProcessDispatcher = (payload: Payload, handlers: HandlerRegistry, retry: RetryPolicy = HANDLER_RETRY): Dispatcher => {
  const seen = new Set<string>()
  const timers = new Set<NodeJS.Timeout>()
  let closed = false

  const attempt = (jobId: string, data: Parameters<Dispatcher['dispatch']>[1], n: number) => {
    const timer = setTimeout(
      async () => {
        timers.delete(timer)
        if (closed) return
        const finalAttempt = n >= retry.attempts
        try {
          await runOutboxJob(payload, handlers, data, { finalAttempt })
        } catch (error) {
          payload.logger.warn({ jobId, attempt: n, err: (error as Error).message }, 'job failed')
          if (!finalAttempt) attempt(jobId, data, n + 1)
        }
      },
      n === 1 ? 0 : backoffMs(n - 1, retry.backoffMs),
    )
    timers.add(timer)
  }

  return {
    dispatch: async (jobId, data) => {
      if (seen.has(jobId)) return
      seen.add(jobId)
      attempt(jobId, data, 1)
    },
    close: async () => {
      closed = true
      for (const timer of timers) clearTimeout(timer)
    },
  }
}
