import { type Job, Worker } from 'bullmq'
import type { Payload } from 'payload'

import { bullDispatcher } from './bullDispatcher'
import type { Dispatcher } from './dispatcher'
import { handlers as defaultHandlers } from './handlers'
import type { HandlerRegistry } from './handler'
import { inProcessDispatcher } from './inProcessDispatcher'
import { QUEUE_NAME, queuePrefix } from './names'
import { createRedis } from './redis'
import { relayOnce } from './relay'
import { SCHEDULES, type Schedule } from './schedules'
import { type RetryPolicy } from './retryPolicy'
import { runOutboxJob } from './runOutboxJob'
import type { JobData } from './types'

export type JobRuntime = {
  dispatcher: Dispatcher
  /** Runs the relay now (tests, and the web process after a write it wants out fast). */
  relayNow: () => Promise<void>
  close: () => Promise<void>
}

type Options = {
  payload: Payload
  /** Redis URL: BullMQ workers and schedulers. Null: everything in this process. */
  redisUrl: string | null
  handlers?: HandlerRegistry
  schedules?: Schedule[]
  relayIntervalMs?: number
  /** Handler attempts and first backoff (tests shorten them). */
  retry?: RetryPolicy
  /** Run the BullMQ worker here (the worker process) or only dispatch (web process). */
  work?: boolean
}

/** A relay loop that never overlaps itself and never dies of one failure. */
const relayLoop = (payload: Payload, dispatcher: Dispatcher, intervalMs: number) => {
  let running: Promise<void> | null = null
  const tick = () => {
    running ??= relayOnce(payload, dispatcher)
      .then(() => undefined)
      .catch((error: unknown) => payload.logger.warn({ err: (error as Error).message }, 'outbox relay failed'))
      .finally(() => {
        running = null
      })
    return running
  }
  const timer = setInterval(() => void tick(), intervalMs)
  return { tick, stop: async () => (clearInterval(timer), await running) }
}

/**
 * Starts background work: the outbox relay, the job handlers and the schedules.
 * With Redis they run on BullMQ (shared by every process); without, in this process.
 */
export const startJobRuntime = async (options: Options): Promise<JobRuntime> => {
  const { payload } = options
  const handlers = options.handlers ?? defaultHandlers
  const schedules = options.schedules ?? SCHEDULES
  const intervalMs = options.relayIntervalMs ?? 250

  if (!options.redisUrl) {
    payload.logger.warn('REDIS_URL is not set: jobs, schedules and the outbox relay run inside this process')
    const dispatcher = inProcessDispatcher(payload, handlers, options.retry)
    const loop = relayLoop(payload, dispatcher, intervalMs)
    const timers = schedules.map((s) =>
      setInterval(() => {
        s.run({ payload, dispatcher, now: new Date() }).catch((error: unknown) => payload.logger.warn({ schedule: s.id, err: (error as Error).message }, 'schedule failed'))
      }, s.everyMs),
    )
    return {
      dispatcher,
      relayNow: () => loop.tick(),
      close: async () => {
        timers.forEach(clearInterval)
        await loop.stop()
        await dispatcher.close()
      },
    }
  }

  const producer = createRedis(options.redisUrl, 'producer', 'scriptorium-producer')
  const dispatcher = bullDispatcher(producer, options.retry)
  const loop = relayLoop(payload, dispatcher, intervalMs)
  let worker: Worker | null = null
  let workerConnection: ReturnType<typeof createRedis> | null = null
  if (options.work) {
    const registerSchedules = async () => {
      for (const s of schedules) {
        await dispatcher.queue.upsertJobScheduler(
          s.id,
          { every: s.everyMs },
          { name: `schedule.${s.id}`, opts: { removeOnComplete: 100, removeOnFail: 100 } },
        )
      }
    }
    await registerSchedules()
    // A Redis that came back may have come back empty (no persistence, a flush): the
    // schedules are registered again (idempotent), or no timed job would ever run.
    let connectedBefore = producer.status === 'ready'
    producer.on('ready', () => {
      if (connectedBefore) registerSchedules().catch((error: unknown) => payload.logger.warn({ err: (error as Error).message }, 'schedules: registering again after a reconnect failed'))
      connectedBefore = true
    })
    worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        if (job.name.startsWith('schedule.')) {
          const schedule = schedules.find((s) => `schedule.${s.id}` === job.name)
          return schedule ? schedule.run({ payload, dispatcher, now: new Date() }) : undefined
        }
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        return runOutboxJob(payload, handlers, job.data as JobData, { finalAttempt })
      },
      { connection: (workerConnection = createRedis(options.redisUrl, 'worker', 'scriptorium-worker')), prefix: queuePrefix(), concurrency: 4 },
    )
    worker.on('error', () => {}) // logged by the connection
    worker.on('failed', (job, error) =>
      payload.logger.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, err: error.message }, 'job failed'),
    )
  }
  return {
    dispatcher,
    relayNow: () => loop.tick(),
    close: async () => {
      await loop.stop()
      await worker?.close()
      await dispatcher.close()
      workerConnection?.disconnect()
      producer.disconnect()
    },
  }
}
