import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { startTestPayload, type TestContext } from '../helpers/testPayload'
import { startWebProcess, type WebProcess } from '../helpers/webProcess'

/** /admin/queues (bull-board) is for superadmins logged in to Payload, nobody else. */

let t: TestContext
let redis: PrivateRedis
let web: WebProcess
let base: string

beforeAll(async () => {
  if (!hasRedisServer()) return
  redis = await startPrivateRedis()
  t = await startTestPayload()
  web = await startWebProcess(t.payload, { redisUrl: redis.url, dashboard: true })
  base = web.base
})
afterAll(async () => {
  await web?.close()
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
