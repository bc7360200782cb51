import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { asSystem, systemProof } from '@/access/system'
import { LATE_DROP_MS } from '@/cache/announcedCache'
import { logStatements, type StatementLog } from '@/db/statementLog'
import { poolOf } from '@/db/pool'
import type { EventBus } from '@/events/bus'
import { setEventBus } from '@/events/current'
import { DEMO_PASSWORD } from '@/seed/demoData'
import { useSessionActivityStore } from '@/security/sessionActivity'
import { cachedUser, flushUserCache, rememberUser, USER_CACHE_TTL_MS, userCacheGeneration, type userCacheStats, useUserCache } from '@/security/userCache'

import { hasRedisServer, startPrivateRedis } from '../helpers/redis'
import { newPerson, websiteId } from '../helpers/newPerson'
import { startApiServer, type ApiServer } from '../helpers/payloadApiRoute'
import { startSecondApiProcess, type SecondApiProcess } from '../helpers/secondApiProcess'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The user cache (issue 18): a request with a known session reads nobody from the
 * database, and every change of the person reaches every web process at once — a save,
 * a password reset, a revoked session — through the event bus on Redis; the cache is
 * dropped when the bus reconnects and holds an entry at most 30 s.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const proof = systemProof('user cache tests')

let t: TestContext
let alpha: number
let here: ApiServer
let sql: StatementLog
let bus: EventBus
let activity: Redis

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
  const { startEventBus } = await import('@/events/start')
  bus = startEventBus(REDIS_URL)
  await bus.ready()
  activity = new Redis(REDIS_URL)
  useSessionActivityStore(activity)
  here = await startApiServer(t.payload)
  sql = logStatements(poolOf(t.payload)!, { keepText: true })
})
afterAll(async () => {
  here?.close()
  useSessionActivityStore(null)
  activity?.disconnect()
  await bus?.close()
  await t?.close()
})

const login = async (base: string, email: string, password = DEMO_PASSWORD) => {
  const res = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'alpha' }, body: JSON.stringify({ email, password }) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

const get = (base: string, path: string, token: string) => fetch(`${base}${path}`, { headers: { authorization: `JWT ${token}`, 'x-tenant': 'alpha' } })

/** How many people the token's holder sees on Alpha (a website's staff: its people; a client: themselves). */
const peopleSeen = async (base: string, token: string) => {
  const res = await get(base, '/api/users?limit=1&depth=0', token)
  expect(res.status).toBe(200)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

/** How many orders the token's holder sees on Alpha (a website's staff: all; a client: their own). */
const ordersSeen = async (base: string, token: string) => {
  const res = await get(base, '/api/orders?limit=1&depth=0', token)
  expect(res.status).toBe(200)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

const sidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid

/**
 * Until the second drop of a sign-in made just now has passed (every drop is repeated a
 * second later, after the commit): a test that counts reads or hits must not measure
 * across it.
 */
const settled = () => new Promise((r) => setTimeout(r, LATE_DROP_MS + 100))

/** Statements naming the users table sent while `run` ran. */
const userReads = async (run: () => Promise<unknown>) => {
  sql.reset()
  await run()
  return sql.texts.filter((text) => /from "users"/i.test(text))
}

describe('a request with a known session', () => {
  it('reads the person once, then not again: a list costs its page and its count', async () => {
    const client = await newPerson(t, alpha, 'client')
    const token = await login(here.base, client.email)
    await settled()
    expect(await userReads(() => ordersSeen(here.base, token))).toHaveLength(1)
    sql.reset()
    await ordersSeen(here.base, token)
    expect(sql.texts.filter((text) => /from "users"/i.test(text))).toEqual([])
    expect(sql.count).toBe(2)
  })

  it('with the cache off (USER_CACHE=off) reads the person every time', async () => {
    const client = await newPerson(t, alpha, 'client')
    const token = await login(here.base, client.email)
    useUserCache(false)
    try {
      for (let i = 0; i < 2; i += 1) expect(await userReads(() => ordersSeen(here.base, token))).toHaveLength(1)
    } finally {
      useUserCache(null)
    }
  })

  it('a new sign-in of a cached person is read again, and works', async () => {
    const client = await newPerson(t, alpha, 'client')
    const first = await login(here.base, client.email)
    await ordersSeen(here.base, first)
    const second = await login(here.base, client.email)
    await settled()
    expect(await userReads(() => ordersSeen(here.base, second))).toHaveLength(1)
    expect(await userReads(() => ordersSeen(here.base, first))).toEqual([])
  })
})

describe('a change of the person', () => {
  it('a save (roles) applies to the very next request', async () => {
    const support = await newPerson(t, alpha, 'support')
    const token = await login(here.base, support.email)
    expect(await peopleSeen(here.base, token)).toBeGreaterThan(1)
    await t.payload.update({ collection: 'users', id: support.id, data: { roles: ['client'] }, depth: 0, ...asSystem(proof) })
    expect(await peopleSeen(here.base, token)).toBe(1)
  })

  it('a password reset ends every other token at once (their rows closed too)', async () => {
    const client = await newPerson(t, alpha, 'client')
    const token = await login(here.base, client.email)
    await ordersSeen(here.base, token)
    const forgot = await fetch(`${here.base}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'alpha' }, body: JSON.stringify({ email: client.email }) })
    expect(forgot.status).toBe(200)
    const [row] = (await t.payload.db.drizzle.execute(`SELECT reset_password_token AS token FROM users WHERE id = ${client.id}`)).rows as { token: string }[]
    const reset = await fetch(`${here.base}/api/users/reset-password`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'alpha' }, body: JSON.stringify({ token: row!.token, password: 'a-brand-new-password-1' }) })
    expect(reset.status).toBe(200)
    expect((await get(here.base, '/api/users/sessions', token)).status).toBe(401)
    const [session] = (await t.payload.db.drizzle.execute(`SELECT end_reason FROM login_sessions WHERE sid = '${sidOf(token)}'`)).rows as { end_reason: string }[]
    expect(session?.end_reason).toBe('password_change')
  })

  it('an entry lives at most 30 s', () => {
    const id = 999_001
    rememberUser(id, { id, email: 'ttl@example.com' }, userCacheGeneration())
    expect(cachedUser(id)).toMatchObject({ id })
    expect(cachedUser(id, Date.now() + USER_CACHE_TTL_MS + 1)).toBeNull()
    expect(cachedUser(id)).toBeNull()
  })

  it('a read that began before a change is not kept', () => {
    const id = 999_002
    const started = userCacheGeneration()
    flushUserCache()
    rememberUser(id, { id }, started)
    expect(cachedUser(id)).toBeNull()
  })
})

describe.skipIf(!hasRedisServer())('when the bus reconnects', () => {
  it('the whole cache is dropped (what was published meanwhile never arrived)', async () => {
    const redis = await startPrivateRedis()
    const { redisEventBus } = await import('@/events/bus')
    const { createRedis } = await import('@/jobs/redis')
    const privateBus = redisEventBus(createRedis(redis.url, 'producer', 'cache-bus'), createRedis(redis.url, 'worker', 'cache-bus-sub'), process.env.REDIS_PREFIX!)
    await privateBus.ready()
    setEventBus(privateBus)
    try {
      const id = 999_003
      rememberUser(id, { id }, userCacheGeneration())
      expect(cachedUser(id)).not.toBeNull()
      // Heard after the cache's own listener (attached by the calls above).
      const reconnected = new Promise<void>((resolve) => {
        const stop = privateBus.onReconnect(() => (stop(), resolve()))
      })
      await redis.stop()
      await redis.start()
      await reconnected
      expect(cachedUser(id)).toBeNull()
      // A signal goes round once the subscriber is subscribed again: closing the bus while
      // ioredis still resubscribes rejects that command with nobody to hear it.
      const heard = new Promise<void>((resolve) => {
        const stop = privateBus.onSignal('test.resubscribed', () => (stop(), resolve()))
      })
      const roundTrip = () => Promise.race([heard.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 200))])
      for (let tries = 0; tries < 50; tries++) {
        await privateBus.signal('test.resubscribed').catch(() => undefined)
        if (await roundTrip()) break
      }
      await heard
    } finally {
      setEventBus(bus)
      await privateBus.close()
      await redis.stop()
    }
  })
})

describe('two web processes', () => {
  let other: SecondApiProcess
  beforeAll(async () => {
    other = await startSecondApiProcess({ ...process.env, REDIS_URL, LOG_LEVEL: 'warn' })
  })
  afterAll(async () => {
    await other?.close()
  })

  const cacheHitsThere = async () => ((await (await fetch(`${other.base}/__user-cache`)).json()) as typeof userCacheStats).hits

  it('a session revoked in one is refused at once in the other, which had the person cached', async () => {
    const client = await newPerson(t, alpha, 'client')
    const token = await login(here.base, client.email)
    const other_ = await login(here.base, client.email)
    await settled()
    await ordersSeen(other.base, token)
    const hits = await cacheHitsThere()
    await ordersSeen(other.base, token)
    expect(await cacheHitsThere()).toBe(hits + 1)
    const revoke = await fetch(`${here.base}/api/users/sessions/${sidOf(token)}`, { method: 'DELETE', headers: { authorization: `JWT ${other_}`, 'x-tenant': 'alpha' } })
    expect(revoke.status).toBe(200)
    expect((await get(other.base, '/api/users/sessions', token)).status).toBe(401)
    expect(await ordersSeen(other.base, other_)).toBe(0)
  })

  it('a save in one reaches the other through the bus, long before the entry would expire', async () => {
    const support = await newPerson(t, alpha, 'support')
    const token = await login(here.base, support.email)
    await settled()
    expect(await peopleSeen(other.base, token)).toBeGreaterThan(1)
    const hits = await cacheHitsThere()
    expect(await peopleSeen(other.base, token)).toBeGreaterThan(1)
    expect(await cacheHitsThere()).toBe(hits + 1)
    await t.payload.update({ collection: 'users', id: support.id, data: { roles: ['client'] }, depth: 0, ...asSystem(proof) })
    // The signal crosses Redis: a few milliseconds; the entry would live 30 s.
    const changedAt = Date.now()
    let seen = await peopleSeen(other.base, token)
    while (seen > 1 && Date.now() - changedAt < USER_CACHE_TTL_MS / 3) {
      await new Promise((r) => setTimeout(r, 50))
      seen = await peopleSeen(other.base, token)
    }
    expect(seen).toBe(1)
  })
})
