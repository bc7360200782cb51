import type { EventBus, LiveEvent } from '@/events/bus'
import type { JobRuntime } from '@/jobs/runtime'

import { type MailSink, startMailSink } from './smtp'
import { startTestPayload, type TestContext } from './testPayload'

export type DeliveringPayload = { t: TestContext; sink: MailSink; delivered: LiveEvent[]; close: () => Promise<void> }

/**
 * A test Payload whose side effects arrive: mail at a real SMTP receiver (`sink.mails`),
 * live events on an in-process bus (`delivered`), the outbox relayed by an in-process job
 * runtime. `close` stops all of it, in the reverse order.
 */
export const startDeliveringPayload = async (): Promise<DeliveringPayload> => {
  const sink = await startMailSink()
  process.env.SMTP_URL = sink.url
  const t = await startTestPayload()
  const { startEventBus } = await import('@/events/start')
  const bus: EventBus = startEventBus(null)
  const delivered: LiveEvent[] = []
  bus.subscribe((event) => delivered.push(event))
  const { startJobRuntime } = await import('@/jobs/runtime')
  const runtime: JobRuntime = await startJobRuntime({ payload: t.payload, redisUrl: null, schedules: [], relayIntervalMs: 20 })
  return {
    t,
    sink,
    delivered,
    close: async () => {
      await runtime.close()
      await bus.close()
      await t.close()
      await sink.close()
      delete process.env.SMTP_URL
    },
  }
}
