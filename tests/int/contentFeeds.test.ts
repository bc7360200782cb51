import { request } from 'node:http'

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { contentPath } from '@/domain/content/paths'

import { watchAvailability } from '../../src/server/availability'
import { createApp } from '../../src/server/app'
import { contentRoutes } from '../../src/server/contentRoutes'
import { type ApiServer, listen, startApiServer } from '../helpers/payloadApiRoute'
import { authorOf, lexicalBody, saveDraftChange, savePage, savePost } from '../helpers/publishedContent'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * /sitemap.xml, /rss.xml and /robots.txt as the web process serves them (Express, before
 * Next): exactly the published content of the request's website, cacheable.
 */

let t: TestContext
let server: ApiServer
let alpha: number
let beta: number
const ORIGIN = 'https://alpha.localhost'
const slugs: Record<string, string> = {}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A GET with any Host header (fetch would send the server's own). */
const get = (path: string, headers: Record<string, string> = { host: 'alpha.test' }): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, server.base)
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'item', 'category'].includes(name) })
const xml = (text: string) => {
  expect(XMLValidator.validate(text)).toBe(true)
  return parser.parse(text)
}
const locsOf = (text: string): string[] => xml(text).urlset.url.map((u: { loc: string }) => u.loc)

/** What the sitemap must list: the website's published posts and pages, read straight from the database. */
const publishedUrls = async (tenant: number) => {
  const where: Where = { and: [{ tenant: { equals: tenant } }, { _status: { equals: 'published' } }] }
  const posts = await t.payload.find({ collection: 'posts', where, pagination: false, depth: 0, overrideAccess: true })
  const pages = await t.payload.find({ collection: 'pages', where, pagination: false, depth: 0, overrideAccess: true })
  return new Set([`${ORIGIN}/`, `${ORIGIN}/blog/`, ...posts.docs.map((d) => `${ORIGIN}${contentPath('posts', d)}`), ...pages.docs.map((d) => `${ORIGIN}${contentPath('pages', d)}`)])
}

beforeAll(async () => {
  t = await startTestPayload()
  server = await startApiServer(t.payload, { routers: [contentRoutes(t.payload)] })
  const { docs } = await t.payload.find({ collection: 'tenants', depth: 0, overrideAccess: true })
  alpha = docs.find((d) => d.slug === 'alpha')!.id
  beta = docs.find((d) => d.slug === 'beta')!.id
  const author = await authorOf(t.payload, alpha, 'Feed Author')
  const category = (await t.payload.create({ collection: 'categories', data: { tenant: alpha, name: 'Feed Guides', slug: 'feed-guides' }, depth: 0, overrideAccess: true })).id

  slugs.published = (await savePost(t.payload, { tenant: alpha, author, category, slug: 'feed-published', title: 'Feeds & <sitemaps>', excerpt: 'An excerpt & more', publishedAt: '2099-01-02T03:04:05.000Z' }, 'published')).slug!
  slugs.page = (await savePage(t.payload, { tenant: alpha, slug: 'feed-service', title: 'Feed service', template: 'essay' }, 'published')).slug!
  slugs.static = (await savePage(t.payload, { tenant: alpha, slug: 'feed-about', title: 'About feeds', template: 'static' }, 'published')).slug!
  slugs.draft = (await savePost(t.payload, { tenant: alpha, author, slug: 'feed-draft', title: 'Feed draft' }, 'draft')).slug!
  slugs.draftPage = (await savePage(t.payload, { tenant: alpha, slug: 'feed-draft-page', title: 'Feed draft page' }, 'draft')).slug!
  // Scheduled for next year: a draft with a publish job waiting.
  const scheduled = await savePost(t.payload, { tenant: alpha, author, slug: 'feed-scheduled', title: 'Feed scheduled' }, 'draft')
  await t.payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'posts', value: scheduled.id } }, waitUntil: new Date(Date.now() + 365 * 24 * 3600 * 1000) })
  slugs.scheduled = scheduled.slug!
  // Published, then renamed and retitled in a draft: the feeds keep the published slug and title.
  const changed = await savePost(t.payload, { tenant: alpha, author, slug: 'feed-changed', title: 'Feed changed (published)', publishedAt: '2099-01-01T00:00:00.000Z' }, 'published')
  await saveDraftChange(t.payload, 'posts', changed.id, { slug: 'feed-changed-draft', title: 'Feed changed (draft)', body: lexicalBody('Draft only.') })
  slugs.changed = 'feed-changed'
  const betaAuthor = await authorOf(t.payload, beta)
  slugs.beta = (await savePost(t.payload, { tenant: beta, author: betaAuthor, slug: 'feed-on-beta', title: 'Feed on Beta' }, 'published')).slug!
})
afterAll(async () => {
  server?.close()
  await t?.close()
})

describe('sitemap.xml', () => {
  it('lists exactly the published posts and pages of the requesting website, with the home and the blog', async () => {
    const res = await get('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
    const locs = locsOf(res.body)
    expect(new Set(locs)).toEqual(await publishedUrls(alpha))
    expect(locs.length).toBe(new Set(locs).size)
    expect(locs).toEqual(expect.arrayContaining([`${ORIGIN}/blog/feed-published`, `${ORIGIN}/services/feed-service`, `${ORIGIN}/feed-about`, `${ORIGIN}/blog/feed-changed`]))
    for (const absent of ['feed-draft', 'feed-draft-page', 'feed-scheduled', 'feed-changed-draft', 'feed-on-beta']) expect(res.body).not.toContain(absent)
  })

  it('dates each URL by its last publish', async () => {
    const { docs } = await t.payload.find({ collection: 'posts', where: { slug: { equals: 'feed-published' } }, depth: 0, overrideAccess: true })
    const entry = xml((await get('/sitemap.xml')).body).urlset.url.find((u: { loc: string }) => u.loc === `${ORIGIN}/blog/feed-published`)
    expect(entry.lastmod).toBe(new Date(docs[0]!.updatedAt).toISOString())
  })

  it('is the other website’s own on its host, or by X-Tenant', async () => {
    const onBeta = locsOf((await get('/sitemap.xml', { host: 'beta.test' })).body)
    expect(onBeta).toContain('https://beta.localhost/blog/feed-on-beta')
    expect(onBeta.some((loc) => loc.includes('alpha'))).toBe(false)
    expect(locsOf((await get('/sitemap.xml', { host: '127.0.0.1', 'x-tenant': 'beta' })).body)).toEqual(onBeta)
  })

  it('shows a scheduled post once its publish job has run', async () => {
    const { docs } = await t.payload.find({ collection: 'posts', where: { slug: { equals: 'feed-scheduled' } }, depth: 0, draft: true, overrideAccess: true })
    await t.payload.update({ collection: 'posts', id: docs[0]!.id, data: { _status: 'published' }, depth: 0, overrideAccess: true })
    expect(locsOf((await get('/sitemap.xml')).body)).toContain(`${ORIGIN}/blog/feed-scheduled`)
    await t.payload.update({ collection: 'posts', id: docs[0]!.id, data: { _status: 'draft' }, depth: 0, overrideAccess: true })
    expect(locsOf((await get('/sitemap.xml')).body)).not.toContain(`${ORIGIN}/blog/feed-scheduled`)
  })
})

describe('rss.xml', () => {
  it('is RSS 2.0 of the newest published posts only, newest first, escaped', async () => {
    const res = await get('/rss.xml')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(res.body).toContain('<title>Feeds &amp; &lt;sitemaps&gt;</title>')
    const { rss } = xml(res.body)
    expect(rss['@_version']).toBe('2.0')
    expect(rss.channel.link).toBe(`${ORIGIN}/blog/`)
    expect(rss.channel['atom:link']['@_href']).toBe(`${ORIGIN}/rss.xml`)
    const items = rss.channel.item as { title: string; link: string; pubDate: string; description?: string; 'dc:creator'?: string; category?: string[] }[]
    expect(items.length).toBeLessThanOrEqual(20)
    const posts = await publishedUrls(alpha)
    for (const item of items) expect(posts.has(item.link), item.link).toBe(true)
    // The two dated in 2099 are the newest.
    expect(items.slice(0, 2).map((i) => i.link)).toEqual([`${ORIGIN}/blog/feed-published`, `${ORIGIN}/blog/feed-changed`])
    expect(items[0]).toMatchObject({ title: 'Feeds & <sitemaps>', description: 'An excerpt & more', pubDate: 'Fri, 02 Jan 2099 03:04:05 GMT', 'dc:creator': 'Feed Author', category: ['Feed Guides'] })
    expect(items[1]!.title).toBe('Feed changed (published)')
    const dates = items.map((i) => Date.parse(i.pubDate))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    for (const absent of ['feed-draft', 'feed-scheduled', 'feed-on-beta', '(draft)', 'Draft only']) expect(res.body).not.toContain(absent)
  })
})

describe('robots.txt', () => {
  it('allows the site and the public API, disallows the admin, the API and the website’s extra paths, and names the sitemap', async () => {
    await t.payload.update({ collection: 'tenants', id: alpha, data: { content: { robotsDisallow: ['/drafts', '/checkout/'] } } as never, depth: 0, overrideAccess: true })
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    const lines = res.body.split('\n')
    expect(lines.slice(0, 5)).toEqual(['User-agent: *', 'Allow: /', 'Allow: /api/public/', 'Disallow: /admin', 'Disallow: /api/'])
    // The website's own extra paths (its content settings), then where its sitemap is.
    expect(lines.slice(5)).toEqual(['Disallow: /drafts', 'Disallow: /checkout/', '', `Sitemap: ${ORIGIN}/sitemap.xml`, ''])
    expect((await get('/robots.txt', { host: 'beta.test' })).body).toContain('Sitemap: https://beta.localhost/sitemap.xml')
    expect((await get('/robots.txt', { host: 'beta.test' })).body).not.toContain('/drafts')
  })
})

describe('every feed', () => {
  it('answers 404 in the error shape for an unknown website', async () => {
    for (const path of ['/sitemap.xml', '/rss.xml', '/robots.txt']) {
      const res = await get(path, { host: 'nowhere.example' })
      expect(res.status, path).toBe(404)
      expect(JSON.parse(res.body).errors[0].message).toContain('nowhere.example')
    }
  })

  it('fails fast with 503 while the database is down, like the API', async () => {
    const availability = watchAvailability([{ name: 'postgres', check: () => Promise.reject(new Error('down')) }], 50)
    const down = await listen(createApp({ checks: [], guard: availability.guard, routers: [contentRoutes(t.payload)] }))
    try {
      await new Promise((resolve) => setTimeout(resolve, 150))
      for (const path of ['/sitemap.xml', '/rss.xml', '/robots.txt']) {
        const res = await fetch(`${down.base}${path}`, { headers: { 'x-tenant': 'alpha' } })
        expect(res.status, path).toBe(503)
        expect(res.headers.get('retry-after')).toBe('5')
      }
    } finally {
      availability.stop()
      down.close()
    }
  })

  it('is cacheable: ETag, Cache-Control, Vary; 304 for a current tag; a new tag after publishing', async () => {
    const tags: Record<string, string> = {}
    for (const path of ['/sitemap.xml', '/rss.xml', '/robots.txt']) {
      const res = await get(path)
      tags[path] = res.headers.etag as string
      expect(tags[path], path).toMatch(/^"[\w-]+"$/)
      expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300')
      expect(String(res.headers.vary).split(/,\s*/)).toEqual(expect.arrayContaining(['Host', 'X-Tenant']))
      const again = await get(path, { host: 'alpha.test', 'if-none-match': tags[path]! })
      expect(again.status, path).toBe(304)
      expect(again.body).toBe('')
      expect(again.headers.etag).toBe(tags[path])
    }
    const author = await authorOf(t.payload, alpha)
    await savePost(t.payload, { tenant: alpha, author, slug: 'feed-newest', title: 'Feed newest', publishedAt: '2099-02-01T00:00:00.000Z' }, 'published')
    for (const path of ['/sitemap.xml', '/rss.xml']) {
      const res = await get(path, { host: 'alpha.test', 'if-none-match': tags[path]! })
      expect(res.status, path).toBe(200)
      expect(res.headers.etag).not.toBe(tags[path])
      expect(res.body).toContain('/blog/feed-newest')
    }
    // robots.txt does not list content: unchanged.
    expect((await get('/robots.txt', { host: 'alpha.test', 'if-none-match': tags['/robots.txt']! })).status).toBe(304)
  })
})
