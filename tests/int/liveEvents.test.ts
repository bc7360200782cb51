import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../helpers/redis'
import { openStream } from '../helpers/sse'
import { startTestPayload, type TestContext } from '../helpers/testPayload'
import { startWebProcess, type WebProcess } from '../helpers/webProcess'

/**
 * GET /api/events: a client receives what the worker publishes for it (through the
 * outbox, Redis pub/sub when Redis is there), with ids; Last-Event-ID replays what it
 * missed; another website's client hears nothing of it.
 */

let t: TestContext
let redis: PrivateRedis | null = null
let web: WebProcess
let base: string
const ids: Record<string, number> = {}
const tokens: Record<string, string> = {}

const publishFor = async (userId: number, event: string, data: Record<string, unknown>) => {
  const { enqueue } = await import('@/jobs/enqueue')
  const { inTransaction } = await import('@/operations/inTransaction')
  const req = await createLocalReq({}, t.payload)
  await inTransaction(req, () => enqueue(req, { type: 'live.event', tenant: null, payload: { audience: { user: userId }, event, data } }))
}
// The web process is a child competing with the suite's other workers for two cores: a
// full CI run once needed more than 10 s to see three rows through outbox, queue and bus.
const LOADED_MACHINE_MS = 30_000

const auth = (who: string) => ({ authorization: `JWT ${tokens[who]}` })

beforeAll(async () => {
  if (hasRedisServer()) redis = await startPrivateRedis()
  t = await startTestPayload()
  web = await startWebProcess(t.payload, { redisUrl: redis?.url ?? null })
  base = web.base
  for (const [who, host] of [
    ['client@alpha.test', 'alpha.test'],
    ['client@beta.test', 'beta.test'],
    ['admin@alpha.test', 'alpha.test'],
    ['superadmin@scriptorium.test', 'localhost'],
  ] as const) {
    tokens[who] = await t.api.login(who, DEMO_PASSWORD, { host })
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: who } }, depth: 0 })
    ids[who] = docs[0]!.id
  }
})
afterAll(async () => {
  await web?.close()
  await t?.close()
  await redis?.stop()
})

describe(`live events (${hasRedisServer() ? 'Redis pub/sub' : 'in-process bus'})`, () => {
  it('refuses a stream without a login', async () => {
    const stream = await openStream(`${base}/api/events`)
    expect(stream.status).toBe(401)
  })

  it('delivers the worker’s event to its user only, with an id, and replays missed ones', async () => {
    const alpha = await openStream(`${base}/api/events`, auth('client@alpha.test'))
    const beta = await openStream(`${base}/api/events`, auth('client@beta.test'))
    expect([alpha.status, beta.status]).toEqual([200, 200])

    await publishFor(ids['client@alpha.test']!, 'order.updated', { n: 1 })
    await expect.poll(() => alpha.events.length, { timeout: LOADED_MACHINE_MS }).toBe(1)
    const first = alpha.events[0]!
    expect(first).toMatchObject({ event: 'order.updated', data: { n: 1 } })
    expect(Number(first.id)).toBeGreaterThan(0)
    alpha.close()

    await publishFor(ids['client@alpha.test']!, 'order.updated', { n: 2 })
    await publishFor(ids['client@alpha.test']!, 'order.updated', { n: 3 })
    await expect.poll(async () => (await t.payload.count({ collection: 'outbox', where: { status: { equals: 'done' } } })).totalDocs, { timeout: LOADED_MACHINE_MS }).toBeGreaterThanOrEqual(3)

    const resumed = await openStream(`${base}/api/events`, { ...auth('client@alpha.test'), 'last-event-id': first.id })
    // Both missed events come back. Their order is the order the worker published them in:
    // two separate changes handled by concurrent jobs carry no order between them.
    await expect.poll(() => resumed.events.map((e) => e.data.n).sort(), { timeout: LOADED_MACHINE_MS }).toEqual([2, 3])
    expect(Number(resumed.events[0]!.id)).toBeLessThan(Number(resumed.events[1]!.id))
    resumed.close()

    await new Promise((r) => setTimeout(r, 200))
    expect(beta.events).toEqual([])
    beta.close()
  }, 3 * LOADED_MACHINE_MS)

  it('gives the staff of a website its staff events (a client registering)', async () => {
    const staff = await openStream(`${base}/api/events`, auth('admin@alpha.test'))
    const otherClient = await openStream(`${base}/api/events`, auth('client@alpha.test'))
    const res = await t.api.post('/api/auth/register', { host: 'alpha.test', body: { name: 'Eve Event', email: 'eve@example.com', password: 'long-enough-password' } })
    expect(res.status).toBe(201)
    await expect.poll(() => staff.events.map((e) => e.event), { timeout: LOADED_MACHINE_MS }).toContain('client.registered')
    expect(staff.events.find((e) => e.event === 'client.registered')!.data).toMatchObject({ email: 'eve@example.com' })
    await new Promise((r) => setTimeout(r, 200))
    expect(otherClient.events.filter((e) => e.event === 'client.registered')).toEqual([])
    staff.close()
    otherClient.close()
  })

  it('POST /api/events/test: a superadmin sends a test event through the pipeline', async () => {
    const target = await openStream(`${base}/api/events`, auth('client@beta.test'))
    const post = (who: string, body: unknown) =>
      fetch(`${base}/api/events/test`, { method: 'POST', headers: { ...auth(who), 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await post('admin@alpha.test', { user: ids['client@beta.test'], message: 'hi' })).status).toBe(403)
    const bad = await post('superadmin@scriptorium.test', { user: 'x', message: '' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^user: /)
    const ok = await post('superadmin@scriptorium.test', { user: ids['client@beta.test'], message: 'deployment check' })
    expect(ok.status).toBe(202)
    await expect.poll(() => target.events.map((e) => [e.event, e.data.message]), { timeout: LOADED_MACHINE_MS }).toContainEqual(['test', 'deployment check'])
    target.close()
  })
})
