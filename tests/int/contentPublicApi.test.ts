import type { Pool } from 'pg'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fromPricesPerPage } from '@/domain/content/render/fromPrices'
import { formatMoney } from '@/domain/moneyFormat'
import { loadPricingConfig } from '@/operations/loadPricingConfig'
import { DEMO_PASSWORD } from '@/seed/demoData'
import type { Tenant } from '@/payload-types'

import { blockNode, internalLink, lexicalBody, para, paragraph, textNode } from '../helpers/lexical'
import { tinyPng } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let alpha: number
let beta: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const id: Record<string, number> = {}

const tenantId = async (slug: string) => (await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, limit: 1, depth: 0 })).docs[0]!.id
const published = { _status: 'published' as const }

/** The field paths a 400 names. */
const refusedPaths = (body: { errors?: { data?: { errors?: { path: string }[] } }[] }) => (body.errors ?? []).flatMap((e) => e.data?.errors?.map((x) => x.path) ?? [])
const slugsOf = (body: { docs: { slug: string }[] }) => body.docs.map((d) => d.slug)

/** Alpha's live "from" prices, computed from its price list as it is now. */
const alphaPrices = async (paperTypes: string[]) => {
  const website = (await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })) as Tenant
  const req = await createLocalReq({}, t.payload)
  const loaded = await loadPricingConfig(req, website)
  return fromPricesPerPage(loaded!.config, paperTypes).map((p) => ({ ...p, currency: loaded!.config.currency, formatted: formatMoney(p.from, loaded!.config.currency) }))
}

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await tenantId('alpha')
  beta = await tenantId('beta')
  const p = t.payload
  const png = await tinyPng()
  const media = async (tenant: number, alt: string) =>
    (await p.create({ collection: 'media', data: { tenant, alt }, file: { data: png, mimetype: 'image/png', name: `${alt.replace(/\W+/g, '-')}.png`, size: png.length } })).id
  id.cover = await media(alpha, 'Alpha cover')
  id.betaImage = await media(beta, 'Beta image')

  const create = async (collection: 'authors' | 'categories' | 'tags', tenant: number, data: Record<string, unknown>) =>
    (await p.create({ collection, data: { tenant, ...data } as never, depth: 0 })).id
  id.ada = await create('authors', alpha, { name: 'Ada Writer', slug: 'h2-ada', credentials: 'PhD, History', expertise: ['history'], links: [{ label: 'ORCID', url: 'https://orcid.org/0000-0001' }] })
  id.ghost = await create('authors', alpha, { name: 'Ghost Writer', slug: 'h2-ghost', showPublicly: false })
  id.bea = await create('authors', beta, { name: 'Bea Writer', slug: 'h2-bea' })
  id.guides = await create('categories', alpha, { name: 'H2 Guides', slug: 'h2-guides' })
  id.news = await create('categories', alpha, { name: 'H2 News', slug: 'h2-news' })
  id.apa = await create('tags', alpha, { name: 'APA', slug: 'h2-apa' })

  const page = async (tenant: number, data: Record<string, unknown>) => (await p.create({ collection: 'pages', data: { tenant, ...data } as never, depth: 0 })).id
  id.service = await page(alpha, {
    ...published,
    title: 'Essay writing service',
    slug: 'h2-essay-service',
    template: 'essay',
    summary: 'Essays by experts.',
    body: lexicalBody(
      para('We write essays.'),
      blockNode({ blockType: 'pricingTable', heading: 'Prices', paperTypes: ['essay', 'thesis'] }),
      blockNode({ blockType: 'faq', items: [{ question: 'How fast?', answer: 'In 3 hours.' }] }),
    ),
  })
  id.draftPage = await page(alpha, { _status: 'draft', title: 'Secret plans', slug: 'h2-secret-plans', template: 'landing', body: lexicalBody(para('Not yet.')) })
  id.betaPage = await page(beta, { ...published, title: 'Beta service', slug: 'h2-beta-service', template: 'essay', body: lexicalBody(para('Beta.'), blockNode({ blockType: 'pricingTable', paperTypes: [] })) })

  const post = async (tenant: number, data: Record<string, unknown>) => (await p.create({ collection: 'posts', data: { tenant, ...data } as never, depth: 0 })).id
  const body = (text: string) => lexicalBody(paragraph(textNode(`${text} See `), internalLink('pages', id.service!, 'our service'), textNode('.')))
  id.first = await post(alpha, { ...published, title: 'First guide', slug: 'h2-first', publishedAt: '2026-11-01T10:00:00.000Z', primaryAuthor: id.ada, category: id.guides, tags: [id.apa], primaryService: id.service, body: body('One.'), featuredImage: id.cover })
  id.second = await post(alpha, { ...published, title: 'Second guide', slug: 'h2-second', publishedAt: '2026-11-02T10:00:00.000Z', primaryAuthor: id.ada, contributors: [id.ghost], category: id.guides, primaryService: id.service, body: body('Two.') })
  id.third = await post(alpha, {
    ...published,
    title: 'News with a secret',
    slug: 'h2-third',
    publishedAt: '2026-11-03T10:00:00.000Z',
    primaryAuthor: id.ada,
    category: id.news,
    tags: [id.apa],
    primaryService: id.draftPage,
    meta: { description: 'Third post.' },
    body: lexicalBody(
      paragraph(textNode('Read '), internalLink('pages', id.draftPage!, 'the plans'), textNode(' and '), internalLink('pages', id.service!, 'the service'), textNode(' and '), internalLink('posts', id.first!, 'the first guide')),
      blockNode({ blockType: 'faq', heading: 'FAQ', items: [{ question: 'Is it <safe>?', answer: 'Yes & no.' }] }),
      blockNode({ blockType: 'imageWithCaption', image: id.cover, caption: 'Our cover' }),
      blockNode({ blockType: 'imageWithCaption', image: id.betaImage, caption: 'Beta’s image' }),
    ),
  })
  id.draftPost = await post(alpha, { _status: 'draft', title: 'Draft post', slug: 'h2-draft-post', primaryAuthor: id.ada, category: id.guides, body: body('Draft.') })
  id.betaPost = await post(beta, { ...published, title: 'Beta post', slug: 'h2-beta-post', publishedAt: '2026-11-04T10:00:00.000Z', primaryAuthor: id.bea, body: lexicalBody(para('Beta.')) })
})
afterAll(async () => t?.close())

describe('GET /api/public/posts', () => {
  it('lists the website’s published posts newest first, as cards', async () => {
    const res = await t.api.get('/api/public/posts?limit=50', ALPHA)
    expect(res.status).toBe(200)
    const slugs = slugsOf(res.body)
    expect(slugs).toEqual(expect.arrayContaining(['h2-third', 'h2-second', 'h2-first']))
    expect(slugs).not.toContain('h2-draft-post')
    expect(slugs).not.toContain('h2-beta-post')
    const dates = res.body.docs.map((d: { publishedAt: string }) => d.publishedAt)
    expect([...dates].sort().reverse()).toEqual(dates)
    const first = res.body.docs.find((d: { slug: string }) => d.slug === 'h2-first')
    expect(first).toMatchObject({
      title: 'First guide',
      path: '/blog/h2-first',
      url: 'https://alpha.localhost/blog/h2-first',
      category: { name: 'H2 Guides', slug: 'h2-guides' },
      tags: [{ name: 'APA', slug: 'h2-apa' }],
      primaryAuthor: { name: 'Ada Writer', slug: 'h2-ada', credentials: 'PhD, History' },
      featuredImage: { id: id.cover, alt: 'Alpha cover', mimeType: 'image/png' },
    })
    expect(first).not.toHaveProperty('body')
  })

  it('filters by category, tag and author slug; an unknown slug lists nothing', async () => {
    expect(slugsOf((await t.api.get('/api/public/posts?category=h2-guides', ALPHA)).body)).toEqual(['h2-second', 'h2-first'])
    expect(slugsOf((await t.api.get('/api/public/posts?tag=h2-apa', ALPHA)).body)).toEqual(['h2-third', 'h2-first'])
    expect(slugsOf((await t.api.get('/api/public/posts?author=h2-ada&category=h2-news', ALPHA)).body)).toEqual(['h2-third'])
    for (const filter of ['category=nope', 'tag=nope', 'author=nope', 'author=h2-ghost', 'author=h2-bea']) {
      const res = await t.api.get(`/api/public/posts?${filter}`, ALPHA)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ docs: [], totalDocs: 0 })
    }
  })

  it('pages with page and limit', async () => {
    const second = await t.api.get('/api/public/posts?category=h2-guides&limit=1&page=2', ALPHA)
    expect(second.body).toMatchObject({ page: 2, limit: 1, totalDocs: 2, totalPages: 2, hasNextPage: false, hasPrevPage: true })
    expect(slugsOf(second.body)).toEqual(['h2-first'])
    const first = await t.api.get('/api/public/posts?category=h2-guides&limit=1', ALPHA)
    expect(first.body).toMatchObject({ page: 1, hasNextPage: true, hasPrevPage: false })
  })

  it('refuses a bad page or limit with 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['limit=51', 'limit'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['page=0', 'page'],
      ['page=1.5', 'page'],
      ['page=100001', 'page'],
    ]) {
      const res = await t.api.get(`/api/public/posts?${query}`, ALPHA)
      expect(res.status, query).toBe(400)
      expect(refusedPaths(res.body)).toEqual([path])
    }
  })

  it('finds the website by X-Tenant when the host names none', async () => {
    const byHeader = await t.api.get('/api/public/posts?category=h2-guides', { host: 'localhost', headers: { 'x-tenant': 'alpha' } })
    const byHost = await t.api.get('/api/public/posts?category=h2-guides', ALPHA)
    expect(byHeader.status).toBe(200)
    expect(byHeader.body).toEqual(byHost.body)
    expect(byHeader.headers.get('etag')).toBe(byHost.headers.get('etag'))
  })

  it('answers 404 for an unknown website', async () => {
    const res = await t.api.get('/api/public/posts', { host: 'nowhere.test' })
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toContain('nowhere.test')
    expect((await t.api.get('/api/public/posts/h2-first', { host: 'nowhere.test' })).status).toBe(404)
    expect((await t.api.get('/api/public/pages/h2-essay-service', { host: 'nowhere.test' })).status).toBe(404)
  })
})

describe('GET /api/public/posts/:slug', () => {
  it('answers the post with its body as Lexical JSON and HTML, SEO and BlogPosting JSON-LD', async () => {
    const res = await t.api.get('/api/public/posts/h2-first', ALPHA)
    expect(res.status).toBe(200)
    const post = res.body.post
    expect(post).toMatchObject({ slug: 'h2-first', primaryService: { id: id.service, slug: 'h2-essay-service', title: 'Essay writing service', path: '/services/h2-essay-service' } })
    expect(post.html).toBe('<p>One. See <a href="/services/h2-essay-service">our service</a>.</p>')
    expect(post.body.root.children[0].children[1].fields).toMatchObject({ url: '/services/h2-essay-service', doc: { relationTo: 'pages', value: { slug: 'h2-essay-service' } } })
    expect(post.seo).toMatchObject({ title: expect.stringContaining('First guide'), canonical: 'https://alpha.localhost/blog/h2-first', image: { id: id.cover } })
    expect(post.jsonLd).toHaveLength(1)
    expect(post.jsonLd[0]).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'First guide',
      datePublished: '2026-11-01T10:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Ada Writer', url: 'https://orcid.org/0000-0001', hasCredential: { name: 'PhD, History' } }],
      publisher: { '@type': 'Organization', url: 'https://alpha.localhost' },
      mainEntityOfPage: { '@id': 'https://alpha.localhost/blog/h2-first' },
      image: expect.stringMatching(/^https:\/\/alpha\.localhost\//),
    })
  })

  it('never shows a draft, another website’s post, a hidden author or a link to an unpublished page', async () => {
    expect((await t.api.get('/api/public/posts/h2-draft-post', ALPHA)).status).toBe(404)
    expect((await t.api.get('/api/public/posts/h2-beta-post', ALPHA)).status).toBe(404)
    expect((await t.api.get('/api/public/posts/h2-first', BETA)).status).toBe(404)
    expect((await t.api.get('/api/public/posts/h2-beta-post', BETA)).body.post.title).toBe('Beta post')

    const second = (await t.api.get('/api/public/posts/h2-second', ALPHA)).body.post
    expect(second.contributors).toEqual([])
    expect(JSON.stringify(second)).not.toContain('Ghost')

    const third = (await t.api.get('/api/public/posts/h2-third', ALPHA)).body.post
    expect(third.primaryService).toBeNull()
    const text = JSON.stringify(third)
    for (const secret of ['h2-secret-plans', 'Secret plans', 'Beta image', 'Beta-image']) expect(text).not.toContain(secret)
    expect(text).not.toMatch(new RegExp(`"value":${id.draftPage}\\b`))
    expect(third.html).toContain('Read the plans and <a href="/services/h2-essay-service">the service</a> and <a href="/blog/h2-first">the first guide</a>')
    expect(third.html).toContain('<figcaption>Our cover</figcaption>')
    expect(third.html).toContain('<dt>Is it &lt;safe&gt;?</dt><dd>Yes &amp; no.</dd>')
  })

  it('answers a content editor like anyone else: drafts stay out of public answers', async () => {
    const token = await t.api.login('content@alpha.test', DEMO_PASSWORD, ALPHA)
    expect((await t.api.get('/api/public/posts/h2-draft-post', { ...ALPHA, token })).status).toBe(404)
    expect(slugsOf((await t.api.get('/api/public/posts?category=h2-guides', { ...ALPHA, token })).body)).toEqual(['h2-second', 'h2-first'])
    const anonymous = await t.api.get('/api/public/posts/h2-third', ALPHA)
    const signedIn = await t.api.get('/api/public/posts/h2-third', { ...ALPHA, token })
    expect(signedIn.body).toEqual(anonymous.body)
    expect(signedIn.headers.get('etag')).toBe(anonymous.headers.get('etag'))
  })

  it('adds FAQPage JSON-LD for a FAQ block', async () => {
    const third = (await t.api.get('/api/public/posts/h2-third', ALPHA)).body.post
    expect(third.jsonLd.map((o: { '@type': string }) => o['@type'])).toEqual(['BlogPosting', 'FAQPage'])
    expect(third.jsonLd[1].mainEntity).toEqual([{ '@type': 'Question', name: 'Is it <safe>?', acceptedAnswer: { '@type': 'Answer', text: 'Yes & no.' } }])
    expect(third.seo.description).toBe('Third post.')
  })

  it('answers an old slug with 301 to the new one after a rename', async () => {
    const renamed = await t.payload.create({ collection: 'posts', data: { tenant: alpha, ...published, title: 'Renamed', slug: 'h2-old-name', primaryAuthor: id.ada, body: lexicalBody(para('Moving.')) } as never, depth: 0 })
    await t.payload.update({ collection: 'posts', id: renamed.id, data: { slug: 'h2-new-name', ...published } as never, depth: 0 })
    const res = await t.api.raw('GET', '/api/public/posts/h2-old-name', ALPHA)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/api/public/posts/h2-new-name')
    expect((await t.api.get('/api/public/posts/h2-new-name', ALPHA)).body.post.title).toBe('Renamed')
    expect((await t.api.get('/api/public/posts/h2-old-name', BETA)).status).toBe(404)
  })
})

describe('caching', () => {
  it('sends ETag, Cache-Control and Vary; If-None-Match gets 304; publishing a change gets 200 with a new tag', async () => {
    const first = await t.api.get('/api/public/posts/h2-second', ALPHA)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    expect(first.headers.get('vary')).toBe('Host, X-Tenant')

    const again = await t.api.get('/api/public/posts/h2-second', { ...ALPHA, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
    expect(again.headers.get('etag')).toBe(etag)
    expect((await t.api.get('/api/public/posts/h2-second', { ...ALPHA, headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304)

    // A draft saved over the published post changes nothing public.
    await t.payload.update({ collection: 'posts', id: id.second!, data: { title: 'Second guide (draft)' } as never, draft: true, depth: 0 })
    expect((await t.api.get('/api/public/posts/h2-second', { ...ALPHA, headers: { 'if-none-match': etag } })).status).toBe(304)

    await t.payload.update({ collection: 'posts', id: id.second!, data: { title: 'Second guide, revised', ...published } as never, depth: 0 })
    const changed = await t.api.get('/api/public/posts/h2-second', { ...ALPHA, headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.body.post.title).toBe('Second guide, revised')
    expect(changed.headers.get('etag')).not.toBe(etag)

    // A body with blocks, links and images reads the same twice: one tag.
    const withBlocks = await t.api.get('/api/public/posts/h2-third', ALPHA)
    expect((await t.api.get('/api/public/posts/h2-third', { ...ALPHA, headers: { 'if-none-match': withBlocks.headers.get('etag')! } })).status).toBe(304)

    const list = await t.api.get('/api/public/posts?category=h2-guides', ALPHA)
    expect(list.headers.get('vary')).toBe('Host, X-Tenant')
    expect((await t.api.get('/api/public/posts?category=h2-guides', { ...ALPHA, headers: { 'if-none-match': list.headers.get('etag')! } })).status).toBe(304)
  })
})

describe('GET /api/public/pages/:slug', () => {
  it('answers a service page with live "from" prices, Service and FAQPage JSON-LD', async () => {
    const res = await t.api.get('/api/public/pages/h2-essay-service', ALPHA)
    expect(res.status).toBe(200)
    const page = res.body.page
    const prices = await alphaPrices(['essay', 'thesis'])
    expect(prices.map((p) => p.paperType)).toEqual(['essay', 'thesis'])
    const table = page.body.root.children.find((n: { fields?: { blockType?: string } }) => n.fields?.blockType === 'pricingTable')
    expect(table.fields.prices).toEqual(prices)
    for (const price of prices) expect(page.html).toContain(`from ${price.formatted}`)
    expect(page).toMatchObject({ template: 'essay', path: '/services/h2-essay-service', url: 'https://alpha.localhost/services/h2-essay-service', summary: 'Essays by experts.' })
    expect(page.jsonLd.map((o: { '@type': string }) => o['@type'])).toEqual(['Service', 'FAQPage'])
    const lowest = Math.min(...prices.map((p) => p.from))
    expect(page.jsonLd[0]).toMatchObject({ name: 'Essay writing service', provider: { '@type': 'Organization' }, offers: { '@type': 'AggregateOffer', lowPrice: (lowest / 100).toFixed(2), priceCurrency: 'USD' } })
    expect(page.seo.description).toBe('Essays by experts.')
  })

  it('follows the website’s price list: a price change shows at once, with a new ETag', async () => {
    const before = await t.api.get('/api/public/pages/h2-essay-service', ALPHA)
    const essayBefore = before.body.page.body.root.children.find((n: { fields?: { blockType?: string } }) => n.fields?.blockType === 'pricingTable').fields.prices[0]
    const website = (await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })) as Tenant
    const base = website.pricing?.basePerPage ?? 0
    expect(base).toBeGreaterThan(0)
    await t.payload.update({ collection: 'tenants', id: alpha, data: { pricing: { ...website.pricing, basePerPage: base * 2 } }, depth: 0 })
    try {
      const after = await t.api.get('/api/public/pages/h2-essay-service', { ...ALPHA, headers: { 'if-none-match': before.headers.get('etag')! } })
      expect(after.status).toBe(200)
      const essayAfter = after.body.page.body.root.children.find((n: { fields?: { blockType?: string } }) => n.fields?.blockType === 'pricingTable').fields.prices[0]
      expect(essayAfter.paperType).toBe('essay')
      expect(essayAfter.from).toBe((await alphaPrices(['essay']))[0]!.from)
      expect(essayAfter.from).toBeGreaterThan(essayBefore.from)
      expect(after.body.page.html).toContain(`from ${essayAfter.formatted}`)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { pricing: website.pricing }, depth: 0 })
    }
  })

  it('shows each website its own price list and nothing unpublished', async () => {
    const betaPage = (await t.api.get('/api/public/pages/h2-beta-service', BETA)).body.page
    const table = betaPage.body.root.children.find((n: { fields?: { blockType?: string } }) => n.fields?.blockType === 'pricingTable')
    expect(table.fields.prices.length).toBeGreaterThan(0)
    expect((await t.api.get('/api/public/pages/h2-beta-service', ALPHA)).status).toBe(404)
    expect((await t.api.get('/api/public/pages/h2-secret-plans', ALPHA)).status).toBe(404)
  })

  it('answers an old page slug with 301', async () => {
    await t.payload.update({ collection: 'pages', id: id.betaPage!, data: { slug: 'h2-beta-renamed', ...published } as never, depth: 0 })
    const res = await t.api.raw('GET', '/api/public/pages/h2-beta-service', BETA)
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/api/public/pages/h2-beta-renamed')
  })
})

describe('cost', () => {
  /** SQL statements the request sends, counted at the adapter's pool (reads use no transaction). */
  const queriesOf = async (url: string) => {
    const pool = (t.payload.db as unknown as { pool: Pool }).pool
    const query = pool.query.bind(pool)
    const sent: string[] = []
    pool.query = ((...args: Parameters<Pool['query']>) => {
      const first = args[0] as string | { text?: string }
      sent.push(typeof first === 'string' ? first : (first.text ?? ''))
      return query(...args)
    }) as Pool['query']
    try {
      expect((await t.api.get(url, ALPHA)).status).toBe(200)
    } finally {
      pool.query = query
    }
    return sent
  }

  it('reads a handful of queries per answer, whatever the number of posts, authors and links', async () => {
    const counts = {
      list: (await queriesOf('/api/public/posts?limit=50')).length,
      filtered: (await queriesOf('/api/public/posts?category=h2-guides&tag=h2-apa&author=h2-ada')).length,
      post: (await queriesOf('/api/public/posts/h2-third')).length,
      page: (await queriesOf('/api/public/pages/h2-essay-service')).length,
    }
    // website (2), posts (ids, count, rows), authors, categories, tags, media; one more per filter
    expect(counts.list).toBeLessThanOrEqual(9)
    expect(counts.filtered).toBeLessThanOrEqual(12)
    // website (2), post, linked posts, linked pages, authors, category, tags, media
    expect(counts.post).toBeLessThanOrEqual(9)
    // website (2), page, price list, media
    expect(counts.page).toBeLessThanOrEqual(6)
  })
})
