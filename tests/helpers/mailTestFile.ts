import { afterAll, beforeAll } from 'vitest'

import type { JobRuntime } from '@/jobs/runtime'

import { type MailSink, startMailSink } from './smtp'
import { startTestPayload, type TestContext } from './testPayload'

export type MailTest = { t: TestContext; sink: MailSink; mailsTo: (address: string) => MailSink['mails'] }

/**
 * A mail test file's set-up: a real SMTP receiver, its own Payload sending to it, and the
 * outbox relay and workers in process, before its tests (handed to `ready`); all closed
 * after them.
 */
export const mailTestFile = (ready: (test: MailTest) => void | Promise<void>) => {
  let t: TestContext | undefined
  let sink: MailSink | undefined
  let runtime: JobRuntime | undefined
  beforeAll(async () => {
    sink = await startMailSink()
    process.env.SMTP_URL = sink.url
    t = await startTestPayload()
    const { startJobRuntime } = await import('@/jobs/runtime')
    runtime = await startJobRuntime({ payload: t.payload, redisUrl: null, schedules: [], relayIntervalMs: 20 })
    const mails = sink.mails
    await ready({ t, sink, mailsTo: (address) => mails.filter((m) => m.to && JSON.stringify(m.to).includes(address)) })
  })
  afterAll(async () => {
    await runtime?.close()
    await t?.close()
    await sink?.close()
    delete process.env.SMTP_URL
  })
}
