import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/server/embeddedPostgres'
import type { Availability } from '@/server/availability'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { startWebProcess, type WebProcess } from '../helpers/webProcess'

/**
 * The web process's pieces (Payload, job runtime, event bus, health, live events)
 * against a PostgreSQL and a Redis of the test's own, which it stops and starts: the
 * process never crashes, requests fail fast with 503 while one is down, and everything
 * recovers without a restart. CI installs redis-server; without it the test says so.
 */

const redisMissing = !hasRedisServer()
let scratch: string
let pg: EmbeddedDatabase
let redis: PrivateRedis
let payload: Payload
let availability: Availability
let web: WebProcess
let base: string
let token: string

const get = async (url: string, headers: Record<string, string> = {}) => {
  const started = Date.now()
  const controller = new AbortController()
  const res = await fetch(`${base}${url}`, { headers, signal: controller.signal })
  const ms = Date.now() - started
  controller.abort() // event streams stay open otherwise
  return { status: res.status, ms }
}
const startPg = (port?: number) => startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port, ephemeral: false })

beforeAll(async () => {
  if (redisMissing) return
  scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-faults-'))
  pg = await startPg()
  redis = await startPrivateRedis()
  const { withDatabase, ensureDatabase } = await import('@/server/database')
  const url = withDatabase(pg.url, 'faults')
  await ensureDatabase(url)
  Object.assign(process.env, { DATABASE_URL: url, REDIS_URL: redis.url, DATA_DIR: path.join(scratch, 'data'), LOG_LEVEL: 'silent' })
  const { reloadEnv } = await import('@/env')
  reloadEnv()
  const { migrate, openPayload, poolOf } = await import('@/server/boot')
  const { seed } = await import('@/seed')
  payload = await openPayload()
  await migrate(payload)
  await seed(payload)

  const { createRedis } = await import('@/jobs/redis')
  const { postgresCheck, redisCheck } = await import('@/server/health')
  const { watchAvailability } = await import('@/server/availability')
  const checks = [postgresCheck(poolOf(payload)!), redisCheck(createRedis(redis.url, 'producer', 'faults-health'))]
  availability = watchAvailability(checks, 300)
  web = await startWebProcess(payload, { redisUrl: redis.url, relayIntervalMs: 100, checks, guard: availability.guard })
  base = web.base
  const req = await createLocalReq({}, payload)
  token = (await payload.login({ collection: 'users', data: { email: 'superadmin@scriptorium.test', password: DEMO_PASSWORD }, req })).token!
}, 120_000)

afterAll(async () => {
  if (redisMissing) return
  availability?.stop()
  await web?.close()
  const { closePayload } = await import('@/server/boot')
  if (payload) await closePayload(payload)
  await redis?.stop()
  await pg?.stop()
  await rm(scratch, { recursive: true, force: true })
})

describe.skipIf(redisMissing)('fault drills (needs redis-server)', () => {
  const auth = () => ({ authorization: `JWT ${token}` })

  it('serves normally when everything is up', async () => {
    expect((await get('/readyz')).status).toBe(200)
    expect((await get('/api/events', auth())).status).toBe(200)
  })

  it('survives a PostgreSQL restart: 503 fast while it is down, normal again after', async () => {
    await pg.stop()
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 10_000 }).toBe(503)
    const during = await get('/api/events', auth())
    expect(during.status).toBe(503)
    expect(during.ms).toBeLessThan(1000)
    expect((await get('/healthz')).status).toBe(200)

    pg = await startPg(pg.port)
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 20_000 }).toBe(200)
    await expect.poll(async () => (await get('/api/events', auth())).status, { timeout: 10_000 }).toBe(200)
  })

  // Generous: the relay's backoff after the outage grows with the failed attempts, and
  // other test files may load the machine meanwhile.
  it('survives a Redis restart: 503 fast while it is down, and queued work still runs after', { timeout: 120_000 }, async () => {
    await redis.stop()
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 10_000 }).toBe(503)
    await expect.poll(async () => (await get('/api/events', auth())).status, { timeout: 5000 }).toBe(503)
    const during = await get('/api/events', auth())
    expect(during.status).toBe(503)
    expect(during.ms).toBeLessThan(1000)

    // A change committed while Redis is down is not lost.
    const { enqueue } = await import('@/jobs/enqueue')
    const { inTransaction } = await import('@/operations/inTransaction')
    const req = await createLocalReq({}, payload)
    const id = await inTransaction(req, () => enqueue(req, { type: 'test.noop', tenant: null, payload: { note: 'during outage' } }))

    await redis.start()
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 20_000 }).toBe(200)
    await expect.poll(async () => (await payload.findByID({ collection: 'outbox', id, depth: 0 })).status, { timeout: 90_000 }).toBe('done')
    // Polled, as after the PostgreSQL restart: on a loaded machine one readiness probe can
    // miss its 0.9 s budget and close the API for a second.
    await expect.poll(async () => (await get('/api/events', auth())).status, { timeout: 10_000 }).toBe(200)
  })
})
