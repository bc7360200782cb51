import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { type MailSink, startMailSink } from '../helpers/smtp'
import { openStream } from '../helpers/sse'
import { startTestPayload, type TestContext } from '../helpers/testPayload'
import { startWebProcess, type WebProcess } from '../helpers/webProcess'

/**
 * The whole runtime once, without a browser: a client registers over REST; the worker
 * (BullMQ on Redis when redis-server is installed) sends the welcome mail to a real
 * SMTP receiver and the website's staff see the registration on their live stream.
 */

let t: TestContext
let sink: MailSink
let redis: PrivateRedis | null = null
let web: WebProcess
let base: string

beforeAll(async () => {
  sink = await startMailSink()
  if (hasRedisServer()) redis = await startPrivateRedis()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  web = await startWebProcess(t.payload, { redisUrl: redis?.url ?? null, relayIntervalMs: 50 })
  base = web.base
})
afterAll(async () => {
  await web?.close()
  await t?.close()
  await sink?.close()
  await redis?.stop()
  delete process.env.SMTP_URL
})

it('register over REST → welcome mail at the SMTP receiver → event on the staff stream', async () => {
  const adminToken = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  const stream = await openStream(`${base}/api/events`, { authorization: `JWT ${adminToken}` })
  expect(stream.status).toBe(200)

  const res = await t.api.post('/api/auth/register', {
    host: 'alpha.test',
    body: { name: 'Flo Flow', email: 'flo@example.com', password: 'long-enough-password' },
  })
  expect(res.status).toBe(201)

  await expect.poll(() => sink.mails.filter((m) => JSON.stringify(m.to).includes('flo@example.com')).length, { timeout: 15_000 }).toBe(1)
  const mail = sink.mails.find((m) => JSON.stringify(m.to).includes('flo@example.com'))!
  expect(mail.subject).toBe('Welcome to Alpha Essays')

  await expect.poll(() => stream.events.find((e) => e.event === 'client.registered')?.data.email, { timeout: 15_000 }).toBe('flo@example.com')
  expect(Number(stream.events.find((e) => e.event === 'client.registered')!.id)).toBeGreaterThan(0)
  stream.close()
})
