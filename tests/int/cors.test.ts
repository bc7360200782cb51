import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EventBus } from '@/events/bus'
import { reloadEnv } from '@/env'
import { poolOf } from '@/db/pool'
import { announceWebsitesChanged, WEBSITES_CHANGED } from '@/security/originCache'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startApiServer, type ApiServer } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * CORS over real HTTP through the web process's stack (src/server/app.ts): the allowed
 * origins are the active websites' domains from the database (https), CORS_ORIGINS, and
 * *.localhost in development only; they follow a website's change without a restart,
 * in this process at once and in the others through the event bus.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

let t: TestContext
let server: ApiServer
let alphaId: number
let bus: EventBus

const preflight = (base: string, origin: string, path = '/api/orders') =>
  fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
  })

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((name) => name.startsWith('access-control-'))

beforeAll(async () => {
  t = await startTestPayload()
  process.env.CORS_ORIGINS = 'https://portal.example.com, http://127.0.0.1:5173'
  reloadEnv()
  // Redis, as in production: the signal of another process reaches this one through it.
  const { startEventBus } = await import('@/events/start')
  bus = startEventBus(REDIS_URL)
  await bus.ready()
  server = await startApiServer(t.payload)
  alphaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })).docs[0]!.id
})
afterAll(async () => {
  server?.close()
  await bus?.close()
  delete process.env.CORS_ORIGINS
  reloadEnv()
  await t?.close()
})

describe('preflight', () => {
  it('from a website’s domain: 204 with the origin itself, credentials, methods, headers, Max-Age and Vary', async () => {
    const res = await preflight(server.base, 'https://alpha.test')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://alpha.test')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-allow-methods')?.split(', ')).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']))
    const allowedHeaders = res.headers.get('access-control-allow-headers')?.toLowerCase().split(', ')
    expect(allowedHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'x-tenant', 'last-event-id']))
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('vary')).toMatch(/Origin/)
  })

  it('from www. of a website’s domain and from every CORS_ORIGINS entry', async () => {
    for (const origin of ['https://www.beta.test', 'https://portal.example.com', 'http://127.0.0.1:5173']) {
      const res = await preflight(server.base, origin, '/api/graphql')
      expect(res.status, origin).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    }
  })

  it('from any other origin: 403 in the error shape, with no CORS header', async () => {
    for (const origin of ['https://evil.test', 'http://alpha.test', 'https://alpha.test.evil.test', 'null', 'http://alpha.localhost:3000']) {
      const res = await preflight(server.base, origin)
      expect(res.status, origin).toBe(403)
      expect(corsHeaders(res), origin).toEqual([])
      const body = (await res.json()) as { errors: { message: string }[] }
      expect(body.errors[0]!.message).toMatch(/^CORS: the origin .* may not call this API/)
    }
  })

  it('*.localhost is allowed in development only', async () => {
    const development = await startApiServer(t.payload, { development: true })
    try {
      for (const origin of ['http://alpha.localhost:3000', 'https://portal.alpha.localhost']) {
        const res = await preflight(development.base, origin)
        expect(res.status, origin).toBe(204)
        expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      }
      expect((await preflight(development.base, 'http://localhost.evil.test')).status).toBe(403)
    } finally {
      development.close()
    }
  })
})

describe('actual requests', () => {
  let token: string
  beforeAll(async () => {
    token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  })
  const list = (origin: string) => fetch(`${server.base}/api/orders?limit=1&depth=0`, { headers: { origin, authorization: `JWT ${token}`, 'x-tenant': 'alpha' } })

  it('from an allowed origin: the origin, credentials and the exposed headers', async () => {
    const res = await list('https://alpha.test')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://alpha.test')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')?.split(', ')).toEqual(expect.arrayContaining(['Retry-After', 'X-Export-Truncated']))
    expect(res.headers.get('vary')).toMatch(/Origin/)
  })

  it('a credentialed request from a refused origin gets no CORS header at all', async () => {
    const res = await list('https://evil.test')
    expect(corsHeaders(res)).toEqual([])
    expect(res.headers.get('vary')).toMatch(/Origin/)
  })

  it('never answers * with credentials', async () => {
    const res = await list('https://beta.test')
    expect(res.headers.get('access-control-allow-origin')).toBe('https://beta.test')
    expect(res.headers.get('access-control-allow-origin')).not.toBe('*')
  })
})

describe('a website’s domains change at run time', () => {
  const domainsOf = async () => (await t.payload.findByID({ collection: 'tenants', id: alphaId, depth: 0 })).domains!.map(({ domain }) => ({ domain }))

  it('a new domain is allowed at once after the change, and a removed one refused, without a restart', async () => {
    const before = await domainsOf()
    expect((await preflight(server.base, 'https://alpha-new.test')).status).toBe(403)
    await t.payload.update({ collection: 'tenants', id: alphaId, data: { domains: [...before, { domain: 'alpha-new.test' }] } })
    const added = await preflight(server.base, 'https://alpha-new.test')
    expect(added.status).toBe(204)
    expect(added.headers.get('access-control-allow-origin')).toBe('https://alpha-new.test')

    await t.payload.update({ collection: 'tenants', id: alphaId, data: { domains: before } })
    const removed = await preflight(server.base, 'https://alpha-new.test')
    expect(removed.status).toBe(403)
    expect(corsHeaders(removed)).toEqual([])
  })

  it('a deactivated website’s domains are refused, and allowed again once it is active', async () => {
    const beta = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })).docs[0]!.id
    await t.payload.update({ collection: 'tenants', id: beta, data: { active: false } })
    try {
      expect((await preflight(server.base, 'https://beta.test')).status).toBe(403)
    } finally {
      await t.payload.update({ collection: 'tenants', id: beta, data: { active: true } })
    }
    expect((await preflight(server.base, 'https://beta.test')).status).toBe(204)
  })

  it('another process’s change reaches this one through the event bus (Redis)', async () => {
    // Earlier tests' website changes reach this process over Redis too, and late on a loaded
    // machine: one more, heard back, settles them all, and leaves a freshly loaded cache
    // whose TTL (30 s) cannot run out between the write and the check below.
    const settled = new Promise<void>((resolve) => {
      const stop = bus.onSignal(WEBSITES_CHANGED, () => (stop(), resolve()))
    })
    announceWebsitesChanged()
    await settled
    expect((await preflight(server.base, 'https://alpha-elsewhere.test')).status).toBe(403)
    // Written beside Payload, as another process's save would be: this process ran no hook.
    const pool = poolOf(t.payload)!
    await pool.query("INSERT INTO tenants_domains (_order, _parent_id, id, domain) VALUES (99, $1, 'cors-elsewhere', 'alpha-elsewhere.test')", [alphaId])
    expect((await preflight(server.base, 'https://alpha-elsewhere.test')).status).toBe(403)

    const { redisEventBus } = await import('@/events/bus')
    const { createRedis } = await import('@/jobs/redis')
    const commands = createRedis(REDIS_URL, 'producer', 'other-web')
    if (commands.status !== 'ready') await new Promise((resolve) => commands.once('ready', resolve))
    const other = redisEventBus(commands, createRedis(REDIS_URL, 'worker', 'other-web-sub'), process.env.REDIS_PREFIX!)
    try {
      const heard = new Promise<void>((resolve) => {
        const stop = bus.onSignal(WEBSITES_CHANGED, () => (stop(), resolve()))
      })
      await other.signal(WEBSITES_CHANGED)
      await heard
    } finally {
      await other.close()
    }
    expect((await preflight(server.base, 'https://alpha-elsewhere.test')).status).toBe(204)
    await pool.query("DELETE FROM tenants_domains WHERE id = 'cors-elsewhere'")
  })
})
