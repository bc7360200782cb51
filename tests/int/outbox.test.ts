import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bullDispatcher } from '@/jobs/bullDispatcher'
import { enqueue } from '@/jobs/enqueue'
import { handlers as realHandlers } from '@/jobs/handlers'
import type { HandlerRegistry } from '@/jobs/handler'
import { createRedis } from '@/jobs/redis'
import { redispatchStale, relayOnce, STALE_DISPATCH_MS } from '@/jobs/relay'
import { runOutboxJob } from '@/jobs/runOutboxJob'
import { startJobRuntime } from '@/jobs/runtime'
import { inTransaction } from '@/operations/inTransaction'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The transactional outbox (DESIGN §8): nothing for a rolled-back change, exactly one
 * job for a committed one even with two relays, nothing lost while Redis is down,
 * retries with backoff into dead letters, and one effect per job.
 */

let t: TestContext
let payload: Payload
let redis: PrivateRedis | null = null
const calls: { note?: string; at: number }[] = []
let failNoop = false

const counting: HandlerRegistry = {
  ...realHandlers,
  'test.noop': async ({ data }) => {
    calls.push({ note: data.note, at: Date.now() })
    if (failNoop) throw new Error(`refusing ${data.note}`)
  },
}

const commit = async (note: string, dedupeKey?: string) => {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, () => enqueue(req, { type: 'test.noop', tenant: null, payload: { note }, dedupeKey }))
}
const row = (id: number) => payload.findByID({ collection: 'outbox', id, depth: 0 })
const callsFor = (note: string) => calls.filter((c) => c.note === note)

beforeAll(async () => {
  if (hasRedisServer()) redis = await startPrivateRedis()
  t = await startTestPayload()
  payload = t.payload
})
afterAll(async () => {
  await t?.close()
  await redis?.stop()
})

describe('enqueue', () => {
  it('writes nothing when the transaction rolls back, so no job ever runs', async () => {
    const req = await createLocalReq({}, payload)
    await expect(
      inTransaction(req, async () => {
        await enqueue(req, { type: 'test.noop', tenant: null, payload: { note: 'rolled-back' } })
        throw new Error('business rule refused')
      }),
    ).rejects.toThrow('business rule refused')
    expect((await payload.count({ collection: 'outbox', where: { 'payload.note': { equals: 'rolled-back' } } })).totalDocs).toBe(0)
    const runtime = await startJobRuntime({ payload, redisUrl: null, handlers: counting, schedules: [] })
    await runtime.relayNow()
    await new Promise((r) => setTimeout(r, 100))
    await runtime.close()
    expect(callsFor('rolled-back')).toHaveLength(0)
  })

  it('runs a committed row once in-process when there is no Redis', async () => {
    const id = await commit('in-process')
    const runtime = await startJobRuntime({ payload, redisUrl: null, handlers: counting, schedules: [], relayIntervalMs: 20 })
    await expect.poll(async () => (await row(id)).status, { timeout: 5000 }).toBe('done')
    await new Promise((r) => setTimeout(r, 200))
    await runtime.close()
    expect(callsFor('in-process')).toHaveLength(1)
  })
})

describe.skipIf(!hasRedisServer())('with Redis (BullMQ)', () => {
  it('two relays at once produce exactly one job for a committed row', async () => {
    const id = await commit('two-relays')
    const a = bullDispatcher(createRedis(redis!.url, 'producer', 'relay-a'))
    const b = bullDispatcher(createRedis(redis!.url, 'producer', 'relay-b'))
    const results = await Promise.all([relayOnce(payload, a), relayOnce(payload, b)])
    expect(results.reduce((n, r) => n + r.dispatched, 0)).toBeGreaterThanOrEqual(1)
    const jobs = await a.queue.getJobs(['waiting', 'delayed', 'active', 'completed'])
    expect(jobs.filter((j) => j.data.outboxId === id)).toHaveLength(1)
    expect((await row(id)).status).toBe('dispatched')
    await a.queue.obliterate({ force: true })
    await Promise.all([a.close(), b.close()])
  })

  it('rows with the same dedupe key produce one job', async () => {
    const first = await commit('dedupe-1', 'same-key')
    const second = await commit('dedupe-2', 'same-key')
    const d = bullDispatcher(createRedis(redis!.url, 'producer', 'relay-dedupe'))
    await relayOnce(payload, d)
    const jobs = await d.queue.getJobs(['waiting', 'delayed'])
    expect(jobs.filter((j) => [first, second].includes(j.data.outboxId))).toHaveLength(1)
    expect((await row(second)).lastError).toMatch(/duplicate of dedupe key same-key/)
    await d.queue.obliterate({ force: true })
    await d.close()
  })

  it('loses nothing while Redis is down: the job runs once after it is back', async () => {
    const runtime = await startJobRuntime({ payload, redisUrl: redis!.url, work: true, handlers: counting, schedules: [], relayIntervalMs: 50 })
    await redis!.stop()
    const id = await commit('redis-down')
    await expect.poll(async () => (await row(id)).attempts ?? 0, { timeout: 10_000 }).toBeGreaterThan(0)
    expect((await row(id)).status).toBe('pending')
    expect((await row(id)).lastError).toMatch(/^relay: /)
    expect(callsFor('redis-down')).toHaveLength(0)

    await redis!.start()
    await expect.poll(async () => (await row(id)).status, { timeout: 30_000, interval: 200 }).toBe('done')
    await new Promise((r) => setTimeout(r, 500))
    expect(callsFor('redis-down')).toHaveLength(1)
    await runtime.close()
  })

  it('a job Redis lost with its data (killed, no persistence) runs once after the stale sweep hands it over again', async () => {
    const dispatcher = bullDispatcher(createRedis(redis!.url, 'producer', 'stale-sweep'))
    const id = await commit('redis-lost')
    await relayOnce(payload, dispatcher)
    expect((await row(id)).status).toBe('dispatched')
    // Redis restarts empty: the job is gone, the row still says dispatched.
    await redis!.stop()
    await redis!.start()
    const fresh = new Date()
    expect(await redispatchStale(payload, dispatcher, fresh)).toBe(0)
    const runtime = await startJobRuntime({ payload, redisUrl: redis!.url, work: true, handlers: counting, schedules: [], relayIntervalMs: 50 })
    await new Promise((r) => setTimeout(r, 500))
    expect(callsFor('redis-lost')).toHaveLength(0)
    expect(await redispatchStale(payload, dispatcher, new Date(fresh.getTime() + STALE_DISPATCH_MS + 1000))).toBeGreaterThanOrEqual(1)
    await expect.poll(async () => (await row(id)).status, { timeout: 30_000, interval: 200 }).toBe('done')
    // Handed over once more: the queue still knows the job id, nothing runs twice.
    await redispatchStale(payload, dispatcher, new Date(fresh.getTime() + STALE_DISPATCH_MS + 1000))
    await new Promise((r) => setTimeout(r, 500))
    expect(callsFor('redis-lost')).toHaveLength(1)
    await runtime.close()
    await dispatcher.close()
  })

  it('retries a failing handler with growing backoff, then dead-letters it', async () => {
    failNoop = true
    try {
      const runtime = await startJobRuntime({
        payload,
        redisUrl: redis!.url,
        work: true,
        handlers: counting,
        schedules: [],
        relayIntervalMs: 50,
        retry: { attempts: 3, backoffMs: 200 },
      })
      const id = await commit('always-fails')
      await expect.poll(async () => (await row(id)).status, { timeout: 20_000, interval: 100 }).toBe('failed')
      const tries = callsFor('always-fails')
      expect(tries).toHaveLength(3)
      const gaps = [tries[1]!.at - tries[0]!.at, tries[2]!.at - tries[1]!.at]
      expect(gaps[0]).toBeGreaterThanOrEqual(150)
      expect(gaps[1]).toBeGreaterThan(gaps[0]!)
      expect((await row(id)).lastError).toBe('refusing always-fails')
      if ('queue' in runtime.dispatcher) {
        const failed = await (runtime.dispatcher as ReturnType<typeof bullDispatcher>).queue.getFailed()
        expect(failed.some((j) => j.data.outboxId === id)).toBe(true)
      }
      await runtime.close()
    } finally {
      failNoop = false
    }
  })
})

describe('handlers', () => {
  it('a job delivered twice has one effect', async () => {
    const id = await commit('twice')
    const job = { outboxId: id, type: 'test.noop' as const, tenant: null }
    expect(await runOutboxJob(payload, counting, job, { finalAttempt: false })).toBe('done')
    expect(await runOutboxJob(payload, counting, job, { finalAttempt: false })).toBe('already-done')
    expect(callsFor('twice')).toHaveLength(1)
  })
})

describe('access', () => {
  it('only a superadmin reads the outbox; nobody writes it over the API', async () => {
    await commit('visible')
    const admin = await t.api.login('admin@alpha.test', 'Scriptorium-demo-1', { host: 'alpha.test' })
    expect((await t.api.get('/api/outbox', { host: 'alpha.test', token: admin })).body.totalDocs).toBe(0)
    const superadmin = await t.api.login('superadmin@scriptorium.test', 'Scriptorium-demo-1')
    const list = await t.api.get('/api/outbox', { token: superadmin })
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(0)
    const create = await t.api.post('/api/outbox', { token: superadmin, body: { type: 'test.noop', payload: {} } })
    expect(create.status).toBe(403)
  })
})
