import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Queue } from 'bullmq'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { JobRuntime } from '@/jobs/runtime'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/** /admin/queues (bull-board) is for superadmins logged in to Payload, nobody else. */

let t: TestContext
let redis: PrivateRedis
let runtime: JobRuntime
let server: Server
let base: string

beforeAll(async () => {
  if (!hasRedisServer()) return
  redis = await startPrivateRedis()
  t = await startTestPayload()
  const { startJobRuntime } = await import('@/jobs/runtime')
  const { queueDashboard } = await import('@/server/queueDashboard')
  const { createApp } = await import('@/server/app')
  runtime = await startJobRuntime({ payload: t.payload, redisUrl: redis.url, schedules: [] })
  const queue = (runtime.dispatcher as unknown as { queue: Queue }).queue
  server = createApp({ checks: [], routers: [queueDashboard(t.payload, queue)] }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  server?.close()
  await runtime?.close()
  await t?.close()
  await redis?.stop()
})

it.skipIf(!hasRedisServer())('redirects visitors to the login, refuses admins, shows superadmins the queues', async () => {
  const visitor = await fetch(`${base}/admin/queues`, { redirect: 'manual' })
  expect(visitor.status).toBe(302)
  expect(visitor.headers.get('location')).toBe('/admin/login?redirect=%2Fadmin%2Fqueues')

  const admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  expect((await fetch(`${base}/admin/queues`, { headers: { authorization: `JWT ${admin}` } })).status).toBe(403)

  const superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD)
  const page = await fetch(`${base}/admin/queues`, { headers: { authorization: `JWT ${superadmin}` } })
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<title>')
  const api = await fetch(`${base}/admin/queues/api/queues`, { headers: { authorization: `JWT ${superadmin}` } })
  expect(api.status).toBe(200)
  expect(JSON.stringify(await api.json())).toContain('scriptorium-jobs')
})
