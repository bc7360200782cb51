import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { asSystem, systemProof } from '@/access/system'
import { type announcedCache, LATE_DROP_MS } from '@/cache/announcedCache'
import { usePublicContentCache } from '@/content/http/answerCache'
import { poolOf } from '@/db/pool'
import { logStatements, type StatementLog } from '@/db/statementLog'
import type { EventBus } from '@/events/bus'
import { runScheduledPublishing } from '@/jobs/contentSchedules'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { authorOf, schedule, websiteBySlug } from '../helpers/contentFixtures'
import { blockNode, lexicalBody, para } from '../helpers/lexical'
import { startSecondApiProcess, type SecondApiProcess } from '../helpers/secondApiProcess'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The public content answer cache (src/content/http/answerCache.ts): a repeated read and
 * an ETag revalidation cost no SQL, and every change of what an answer shows (a publish,
 * an unpublish, an edit, a slug change, a deletion, the website's settings, a category,
 * a price) is seen by the very next read, here and, through the event bus, in another
 * web process.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const ALPHA = { host: 'alpha.test' }
const CONTENT = 'content@alpha.test'
const proof = systemProof('public content cache tests')

let t: TestContext
let alpha: number
let author: number
let category: { id: number; slug: string }
let sql: StatementLog
let bus: EventBus

let serial = 0
const unique = (name: string) => `cc-${name}-${Date.now().toString(36)}-${++serial}`

beforeAll(async () => {
  t = await startTestPayload()
  const { startEventBus } = await import('@/events/start')
  bus = startEventBus(REDIS_URL)
  await bus.ready()
  alpha = await websiteBySlug(t.payload, 'alpha')
  author = (await authorOf(t.payload, alpha)).id
  const slug = unique('category')
  category = { id: (await t.payload.create({ collection: 'categories', data: { tenant: alpha, name: 'Cache category', slug }, depth: 0, ...asSystem(proof) })).id, slug }
  sql = logStatements(poolOf(t.payload)!)
})
afterAll(async () => {
  await bus?.close()
  await t?.close()
})

const post = (data: Record<string, unknown> = {}) => {
  const slug = unique('post')
  return t.payload.create({
    collection: 'posts',
    data: { tenant: alpha, title: `Post ${slug}`, slug, body: lexicalBody(para('Cached words.')), primaryAuthor: author, category: category.id, _status: 'published', publishedAt: new Date().toISOString(), ...data } as never,
    depth: 0,
    ...asSystem(proof),
  })
}

const page = (data: Record<string, unknown> = {}) => {
  const slug = unique('page')
  return t.payload.create({
    collection: 'pages',
    data: { tenant: alpha, title: `Page ${slug}`, slug, template: 'essay', body: lexicalBody(para('A service.')), _status: 'published', ...data } as never,
    depth: 0,
    ...asSystem(proof),
  })
}

const update = (collection: 'posts' | 'pages' | 'categories' | 'tenants' | 'pricing-options', id: number, data: Record<string, unknown>) =>
  t.payload.update({ collection, id, data: data as never, depth: 0, ...asSystem(proof) })

const listPath = () => `/api/public/posts?category=${category.slug}&limit=50`
const slugsIn = (body: { docs: { slug: string }[] }) => body.docs.map((d) => d.slug)

/**
 * Until the second drop of a change made just now has passed (announcedCache repeats each
 * drop after the commit): a test that counts hits must not measure across it.
 */
const settled = () => new Promise((r) => setTimeout(r, LATE_DROP_MS + 100))

/** The answer and the statements it cost. */
const measured = async (path: string, headers: Record<string, string> = {}) => {
  sql.reset()
  const res = await t.api.get(path, { ...ALPHA, headers })
  return { res, statements: sql.count }
}

describe('a repeated read', () => {
  it('is served without SQL, with the same body and ETag; a revalidation is a 304 without SQL', async () => {
    await post()
    await settled()
    const first = await measured(listPath())
    expect(first.res.status).toBe(200)
    expect(first.statements).toBeGreaterThan(0)
    const second = await measured(listPath())
    expect(second.statements).toBe(0)
    expect(second.res.status).toBe(200)
    expect(second.res.body).toEqual(first.res.body)
    const etag = first.res.headers.get('etag')!
    expect(second.res.headers.get('etag')).toBe(etag)
    for (const name of ['cache-control', 'vary', 'content-type']) expect(second.res.headers.get(name)).toBe(first.res.headers.get(name))
    const revalidated = await measured(listPath(), { 'if-none-match': etag })
    expect(revalidated.res.status).toBe(304)
    expect(revalidated.statements).toBe(0)
    expect(revalidated.res.headers.get('etag')).toBe(etag)
    expect(revalidated.res.headers.get('cache-control')).toBe(first.res.headers.get('cache-control'))
  })

  it('of a page and of the same list with its parameters in another order is a hit too', async () => {
    const doc = await page()
    await settled()
    const first = await measured(`/api/public/pages/${doc.slug}`)
    expect(first.res.status).toBe(200)
    const again = await measured(`/api/public/pages/${doc.slug}`, { 'if-none-match': first.res.headers.get('etag')! })
    expect([again.res.status, again.statements]).toEqual([304, 0])
    await measured(`/api/public/posts?limit=5&category=${category.slug}`)
    const reordered = await measured(`/api/public/posts?category=${category.slug}&limit=5`)
    expect(reordered.statements).toBe(0)
  })

  it('is the same for a signed-in staff member as for everyone (one answer, one tag)', async () => {
    const anonymous = await measured(listPath())
    const login = await t.api.post('/api/users/login', { ...ALPHA, body: { email: CONTENT, password: DEMO_PASSWORD } })
    const signedIn = await t.api.get(listPath(), { ...ALPHA, token: login.body.token })
    expect(signedIn.headers.get('etag')).toBe(anonymous.res.headers.get('etag'))
    expect(signedIn.body).toEqual(anonymous.res.body)
  })

  it('keeps no refusal: a bad query is a 400 and an unknown website a 404 every time', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await t.api.get('/api/public/posts?limit=0', ALPHA)).status).toBe(400)
      expect((await t.api.get('/api/public/pages/no-such-page', ALPHA)).status).toBe(404)
      expect((await t.api.get('/api/public/posts', { host: 'nowhere.test' })).status).toBe(404)
    }
  })

  it('with the cache off (CONTENT_CACHE=off) is built every time', async () => {
    usePublicContentCache(false)
    try {
      await measured(listPath())
      expect((await measured(listPath())).statements).toBeGreaterThan(0)
    } finally {
      usePublicContentCache(null)
    }
  })
})

describe('a change is seen by the very next read', () => {
  it('publishing, editing and unpublishing a post', async () => {
    const draft = await post({ _status: 'draft' })
    expect(slugsIn((await t.api.get(listPath(), ALPHA)).body)).not.toContain(draft.slug)
    await update('posts', draft.id, { _status: 'published' })
    expect(slugsIn((await t.api.get(listPath(), ALPHA)).body)).toContain(draft.slug)
    expect((await t.api.get(`/api/public/posts/${draft.slug}`, ALPHA)).body.post.title).toBe(draft.title)

    await update('posts', draft.id, { title: 'A better title' })
    expect((await t.api.get(`/api/public/posts/${draft.slug}`, ALPHA)).body.post.title).toBe('A better title')
    const card = (await t.api.get(listPath(), ALPHA)).body.docs.find((d: { slug: string }) => d.slug === draft.slug)
    expect(card.title).toBe('A better title')

    await update('posts', draft.id, { _status: 'draft' })
    expect(slugsIn((await t.api.get(listPath(), ALPHA)).body)).not.toContain(draft.slug)
    expect((await t.api.get(`/api/public/posts/${draft.slug}`, ALPHA)).status).toBe(404)
  })

  it('a page’s slug change answers 301 from the old slug, and a deleted page is a 404', async () => {
    const doc = await page()
    const before = await t.api.get(`/api/public/pages/${doc.slug}`, ALPHA)
    expect(before.status).toBe(200)
    const renamed = unique('renamed')
    await update('pages', doc.id, { slug: renamed })
    const old = await t.api.raw('GET', `/api/public/pages/${doc.slug}`, ALPHA)
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe(`/api/public/pages/${renamed}`)
    expect((await t.api.get(`/api/public/pages/${renamed}`, ALPHA)).status).toBe(200)

    await t.payload.delete({ collection: 'pages', id: doc.id, ...asSystem(proof) })
    expect((await t.api.get(`/api/public/pages/${renamed}`, ALPHA)).status).toBe(404)
  })

  it('the website’s settings: a new site name shows in the SEO title at once; an ETag sent before is no longer a 304', async () => {
    const doc = await page()
    const before = await t.api.get(`/api/public/pages/${doc.slug}`, ALPHA)
    const siteName = unique('Site')
    await update('tenants', alpha, { content: { siteName } })
    const after = await t.api.get(`/api/public/pages/${doc.slug}`, { ...ALPHA, headers: { 'if-none-match': before.headers.get('etag')! } })
    expect(after.status).toBe(200)
    expect(after.body.page.seo.title).toContain(siteName)
  })

  it('a category’s new name shows on the cards', async () => {
    await post()
    await t.api.get(listPath(), ALPHA)
    await update('categories', category.id, { name: 'Renamed category' })
    const cards = (await t.api.get(listPath(), ALPHA)).body.docs as { category: { name: string } }[]
    expect(cards.map((c) => c.category.name)).toContain('Renamed category')
    expect(cards.map((c) => c.category.name)).not.toContain('Cache category')
  })

  it('a price in the price list shows in a page’s pricing table at once', async () => {
    const doc = await page({ body: lexicalBody(para('Prices.'), blockNode({ blockType: 'pricingTable', paperTypes: ['essay'] })) })
    const { docs } = await t.payload.find({ collection: 'pricing-options', where: { and: [{ tenant: { equals: alpha } }, { dimension: { equals: 'paperType' } }, { code: { equals: 'essay' } }] }, limit: 1, depth: 0, ...asSystem(proof) })
    const option = docs[0]!
    const html = async () => (await t.api.get(`/api/public/pages/${doc.slug}`, ALPHA)).body.page.html as string
    const before = await html()
    await update('pricing-options', option.id, { multiplier: (option.multiplier ?? 1) * 2 })
    try {
      expect(await html()).not.toBe(before)
    } finally {
      await update('pricing-options', option.id, { multiplier: option.multiplier ?? 1 })
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

  type Stats = ReturnType<typeof announcedCache>['stats']
  const hitsThere = async () => ((await (await fetch(`${other.base}/__content-cache`)).json()) as Stats).hits
  const listThere = async () => {
    const res = await fetch(`${other.base}${listPath()}`, { headers: { 'x-tenant': 'alpha' } })
    expect(res.status).toBe(200)
    return slugsIn((await res.json()) as { docs: { slug: string }[] })
  }
  /** The other process's list until it holds `slug` (or not), for at most 10 s: the signal crosses Redis in milliseconds, the entry would live 60 s. */
  const untilThere = async (slug: string, present: boolean) => {
    const since = Date.now()
    let slugs = await listThere()
    while (slugs.includes(slug) !== present && Date.now() - since < 10_000) {
      await new Promise((r) => setTimeout(r, 50))
      slugs = await listThere()
    }
    return slugs
  }

  it('a post the worker’s scheduled publishing publishes shows in the other process long before its entry would expire', async () => {
    const draft = await post({ _status: 'draft' })
    await settled()
    expect(await listThere()).not.toContain(draft.slug)
    const hits = await hitsThere()
    expect(await listThere()).not.toContain(draft.slug)
    expect(await hitsThere()).toBeGreaterThan(hits)

    const at = new Date(Date.now() + 1500)
    await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: draft.id }, at)
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 100))
    // This process plays the worker: the schedule's run saves the post, whose hook tells the bus.
    expect(await runScheduledPublishing(t.payload, new Date())).toMatchObject({ ran: 1, failed: 0 })
    expect(await untilThere(draft.slug, true)).toContain(draft.slug)
  })

  it('an unpublish here reaches the other process too', async () => {
    const doc = await post()
    expect(await untilThere(doc.slug, true)).toContain(doc.slug)
    await update('posts', doc.id, { _status: 'draft' })
    expect(await untilThere(doc.slug, false)).not.toContain(doc.slug)
  })
})
