import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Queue } from 'bullmq'
import type { RequestHandler, Router } from 'express'
import type { Payload } from 'payload'

import type { EventBus } from '../../src/events/bus'
import type { JobRuntime } from '../../src/jobs/runtime'
import type { ReadinessCheck } from '../../src/server/health'

export type WebProcess = { base: string; bus: EventBus; runtime: JobRuntime; close: () => Promise<void> }

/**
 * The web process's long-lived parts on a free port, without Next: event bus, job
 * runtime (worker included), live-event routes and, with Redis, the queue dashboard.
 * The same factories as src/server/index.ts.
 */
export const startWebProcess = async (
  payload: Payload,
  options: { redisUrl: string | null; relayIntervalMs?: number; dashboard?: boolean; checks?: ReadinessCheck[]; guard?: RequestHandler },
): Promise<WebProcess> => {
  const { startEventBus } = await import('../../src/events/start')
  const { startJobRuntime } = await import('../../src/jobs/runtime')
  const { eventStreams } = await import('../../src/server/events')
  const { queueDashboard } = await import('../../src/server/queueDashboard')
  const { createApp } = await import('../../src/server/app')
  const bus = startEventBus(options.redisUrl)
  const runtime = await startJobRuntime({ payload, redisUrl: options.redisUrl, work: true, schedules: [], relayIntervalMs: options.relayIntervalMs ?? 20 })
  const routers: Router[] = [eventStreams(payload, bus).router]
  if (options.dashboard) routers.push(queueDashboard(payload, (runtime.dispatcher as unknown as { queue: Queue }).queue))
  const server: Server = createApp({ checks: options.checks ?? [], guard: options.guard, routers }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bus,
    runtime,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await runtime.close()
      await bus.close()
    },
  }
}
