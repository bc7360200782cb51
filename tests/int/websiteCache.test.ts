import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { asSystem, systemProof } from '@/access/system'
import { poolOf } from '@/db/pool'
import { logStatements, type StatementLog } from '@/db/statementLog'
import type { EventBus } from '@/events/bus'
import { useWebsiteCache, websiteCacheStats } from '@/operations/websiteCache'

import { websiteBySlug } from '../helpers/contentFixtures'
import { startSecondApiProcess, type SecondApiProcess } from '../helpers/secondApiProcess'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The website cache (src/operations/websiteCache.ts): a website-facing request resolves
 * its website and reads its price list without SQL while nothing changed, and every
 * change — a price option, the website's activity, its domains — is seen by the very next
 * request, here and, through the event bus, in another web process.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const ALPHA = { host: 'alpha.test' }
const QUOTE = { pages: 3, spacing: 'double', deadlineHours: 72, paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'history' }
const proof = systemProof('website cache tests')

let t: TestContext
let alpha: number
let sql: StatementLog
let bus: EventBus

beforeAll(async () => {
  t = await startTestPayload()
  const { startEventBus } = await import('@/events/start')
  bus = startEventBus(REDIS_URL)
  await bus.ready()
  alpha = await websiteBySlug(t.payload, 'alpha')
  sql = logStatements(poolOf(t.payload)!)
})
afterAll(async () => {
  useWebsiteCache(null)
  await bus?.close()
  await t?.close()
})

const quote = async (host = ALPHA.host) => {
  sql.reset()
  const res = await t.api.post('/api/orders/quote', { host, body: QUOTE })
  return { res, statements: sql.count }
}

/** The essay option of Alpha's paper types, whose multiplier the tests move. */
const essayOption = async () =>
  (
    await t.payload.find({
      collection: 'pricing-options',
      where: { and: [{ tenant: { equals: alpha } }, { dimension: { equals: 'paperType' } }, { code: { equals: 'essay' } }] },
      depth: 0,
      limit: 1,
      ...asSystem(proof),
    })
  ).docs[0]!

describe('one process', () => {
  it('answers a repeated quote without resolving the website or reading the price list again', async () => {
    useWebsiteCache(false)
    const uncached = await quote()
    useWebsiteCache(true)
    const first = await quote()
    const hitsBefore = websiteCacheStats.hits
    const second = await quote()
    expect(uncached.res.status).toBe(200)
    expect(second.res.body).toEqual(first.res.body)
    expect(second.res.body).toEqual(uncached.res.body)
    // Two statements resolve the website by host, one reads its price options.
    expect(uncached.statements - second.statements).toBe(3)
    expect(websiteCacheStats.hits - hitsBefore).toBe(2)
  })

  it('prices with a changed option at once', async () => {
    await quote()
    const option = await essayOption()
    const before = (await quote()).res.body.total as number
    await t.payload.update({ collection: 'pricing-options', id: option.id, data: { multiplier: (option.multiplier ?? 1) * 2 }, depth: 0, ...asSystem(proof) })
    try {
      const after = await quote()
      expect(after.statements).toBeGreaterThan(0)
      expect(after.res.body.total).toBeGreaterThan(before)
    } finally {
      await t.payload.update({ collection: 'pricing-options', id: option.id, data: { multiplier: option.multiplier }, depth: 0, ...asSystem(proof) })
    }
    expect((await quote()).res.body.total).toBe(before)
  })

  it('refuses a website switched off at once, and serves it again once it is back', async () => {
    expect((await quote()).res.status).toBe(200)
    await t.payload.update({ collection: 'tenants', id: alpha, data: { active: false }, depth: 0, ...asSystem(proof) })
    try {
      const off = await quote()
      expect(off.res.status).toBe(404)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { active: true }, depth: 0, ...asSystem(proof) })
    }
    expect((await quote()).res.status).toBe(200)
  })

  it('finds a domain added after its host was unknown', async () => {
    const host = `late-${Date.now().toString(36)}.test`
    expect((await quote(host)).res.status).toBe(404)
    expect((await quote(host)).res.status).toBe(404)
    const website = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0, ...asSystem(proof) })
    await t.payload.update({ collection: 'tenants', id: alpha, data: { domains: [...(website.domains ?? []), { domain: host }] }, depth: 0, ...asSystem(proof) })
    try {
      expect((await quote(host)).res.status).toBe(200)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { domains: website.domains }, depth: 0, ...asSystem(proof) })
    }
    expect((await quote(host)).res.status).toBe(404)
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

  const quoteThere = async () => {
    const res = await fetch(`${other.base}/api/orders/quote`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'alpha' }, body: JSON.stringify(QUOTE) })
    expect(res.status).toBe(200)
    return ((await res.json()) as { total: number }).total
  }

  it('a price changed in this process prices in the other long before its copy would expire', async () => {
    const before = await quoteThere()
    expect(await quoteThere()).toBe(before)
    const option = await essayOption()
    await t.payload.update({ collection: 'pricing-options', id: option.id, data: { multiplier: (option.multiplier ?? 1) * 2 }, depth: 0, ...asSystem(proof) })
    try {
      // The signal crosses Redis in milliseconds; the copy would live 30 s.
      const since = Date.now()
      let total = await quoteThere()
      while (total === before && Date.now() - since < 10_000) {
        await new Promise((r) => setTimeout(r, 50))
        total = await quoteThere()
      }
      expect(total).toBeGreaterThan(before)
    } finally {
      await t.payload.update({ collection: 'pricing-options', id: option.id, data: { multiplier: option.multiplier }, depth: 0, ...asSystem(proof) })
    }
  })
})
