import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startApiServer } from '../helpers/payloadApiRoute'
import { authorOf, lexicalBody, saveDraftChange, savePage, savePost } from '../helpers/publishedContent'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * GET /api/public/search: published posts and pages of the request's website only,
 * ranked, with escaped snippets that mark the hits, cacheable. Words are made up so that
 * seeded content never matches them.
 */

let t: TestContext
let alpha: number
let beta: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const ids = {} as Record<'titled' | 'summarised' | 'texted' | 'changed' | 'draft' | 'beta', number>

const search = (query: string, options: { host?: string; headers?: Record<string, string> } = ALPHA) => t.api.get(`/api/public/search?${query}`, options)
const hitsOf = (body: { docs: { collection: string; slug: string }[] }) => body.docs.map((d) => `${d.collection}:${d.slug}`)

beforeAll(async () => {
  t = await startTestPayload()
  const { docs } = await t.payload.find({ collection: 'tenants', depth: 0, overrideAccess: true })
  alpha = docs.find((d) => d.slug === 'alpha')!.id
  beta = docs.find((d) => d.slug === 'beta')!.id
  const author = await authorOf(t.payload, alpha)

  // Ranking: the word in the title beats the word in the summary, which beats the word once in the text
  // (given an excerpt of its own: a default excerpt is the text's start, and counts as an excerpt).
  ids.titled = (await savePost(t.payload, { tenant: alpha, author, slug: 'quorvex-in-title', title: 'Quorvex citations made simple', text: 'How to cite sources in an essay.' }, 'published')).id
  ids.summarised = (await savePage(t.payload, { tenant: alpha, slug: 'quorvex-in-summary', title: 'Referencing service', summary: 'Quorvex formatting done for you.', text: 'We format papers.', template: 'essay' }, 'published')).id
  ids.texted = (
    await savePost(
      t.payload,
      { tenant: alpha, author, slug: 'quorvex-in-text', title: 'A long guide', excerpt: 'All about theses.', text: 'Many words about writing a thesis. Somewhere deep inside there is one quorvex mention among many others. <script>alert("x")</script> & more.' },
      'published',
    )
  ).id

  // Published, then changed in a draft with new words: only the published words are public.
  ids.changed = (await savePost(t.payload, { tenant: alpha, author, slug: 'plimtrax-published', title: 'Plimtrax basics', text: 'The published plimtrax text.' }, 'published')).id
  await saveDraftChange(t.payload, 'posts', ids.changed, { title: 'Zendrofel secret title', body: lexicalBody('Zendrofel words only in the draft.') })
  // Never published.
  ids.draft = (await savePost(t.payload, { tenant: alpha, author, slug: 'vostrilek-draft', title: 'Vostrilek draft', text: 'Vostrilek is unpublished.' }, 'draft')).id
  // Another website's post with alpha's word and a word of its own.
  const betaAuthor = await authorOf(t.payload, beta)
  ids.beta = (await savePost(t.payload, { tenant: beta, author: betaAuthor, slug: 'quorvex-on-beta', title: 'Quorvex on Beta, also Brindlequat', text: 'Brindlequat lives on Beta.' }, 'published')).id
})
afterAll(async () => t?.close())

describe('what is found', () => {
  it('ranks a hit in the title above one in the summary above one in the text, on the request’s website only', async () => {
    const res = await search('q=quorvex')
    expect(res.status).toBe(200)
    expect(hitsOf(res.body)).toEqual(['posts:quorvex-in-title', 'pages:quorvex-in-summary', 'posts:quorvex-in-text'])
    const ranks = res.body.docs.map((d: { rank: number }) => d.rank)
    expect(ranks[0]).toBeGreaterThan(ranks[1])
    expect(ranks[1]).toBeGreaterThan(ranks[2])
    expect(res.body).toMatchObject({ q: 'quorvex', page: 1, limit: 10, totalDocs: 3, hasNextPage: false })
    expect(res.body.docs.map((d: { path: string }) => d.path)).toEqual(['/blog/quorvex-in-title', '/services/quorvex-in-summary', '/blog/quorvex-in-text'])
    // Only the summary matches: the snippet comes from it.
    expect(res.body.docs[1].snippet).toMatch(/^<mark>Quorvex<\/mark> formatting done/)
  })

  it('matches English word forms (stemming) and web-search syntax', async () => {
    expect(hitsOf((await search('q=Quorvexes')).body)).toContain('posts:quorvex-in-title')
    // A phrase, and an excluded word.
    expect(hitsOf((await search(`q=${encodeURIComponent('"quorvex citations"')}`)).body)).toEqual(['posts:quorvex-in-title'])
    expect(hitsOf((await search(`q=${encodeURIComponent('quorvex -thesis')}`)).body)).toEqual(['posts:quorvex-in-title', 'pages:quorvex-in-summary'])
  })

  it('snippets mark the hits and escape the text around them', async () => {
    const hit = (await search('q=quorvex')).body.docs.find((d: { slug: string }) => d.slug === 'quorvex-in-text')
    expect(hit.snippet).toContain('<mark>quorvex</mark>')
    expect(hit.snippet).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; more')
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('never finds words of a draft, whether a never-published post or a draft change of a published one', async () => {
    // The draft change is really there (content editors see it in the versions)…
    const latest = await t.payload.findByID({ collection: 'posts', id: ids.changed, draft: true, depth: 0, overrideAccess: true })
    expect(latest.title).toBe('Zendrofel secret title')
    // …and the main table holds the published state.
    const published = await t.payload.findByID({ collection: 'posts', id: ids.changed, depth: 0, overrideAccess: true })
    expect(published).toMatchObject({ title: 'Plimtrax basics', _status: 'published' })

    expect((await search('q=zendrofel')).body).toMatchObject({ docs: [], totalDocs: 0 })
    expect((await search('q=vostrilek')).body).toMatchObject({ docs: [], totalDocs: 0 })
    const old = await search('q=plimtrax')
    expect(hitsOf(old.body)).toEqual(['posts:plimtrax-published'])
    expect(old.body.docs[0].title).toBe('Plimtrax basics')
  })

  it('never finds another website’s posts, which its own website does find', async () => {
    expect((await search('q=brindlequat')).body.totalDocs).toBe(0)
    expect(hitsOf((await search('q=quorvex')).body)).not.toContain('posts:quorvex-on-beta')
    expect(hitsOf((await search('q=brindlequat', BETA)).body)).toEqual(['posts:quorvex-on-beta'])
    expect(hitsOf((await search('q=quorvex', { headers: { 'x-tenant': 'beta' }, host: 'localhost' })).body)).toEqual(['posts:quorvex-on-beta'])
  })

  it('stops finding a post once it is unpublished', async () => {
    const post = await savePost(t.payload, { tenant: alpha, author: (await authorOf(t.payload, alpha)), slug: 'krumbleton', title: 'Krumbleton', text: 'Krumbleton text.' }, 'published')
    expect((await search('q=krumbleton')).body.totalDocs).toBe(1)
    await t.payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' }, depth: 0, overrideAccess: true })
    expect((await search('q=krumbleton')).body.totalDocs).toBe(0)
  })

  it('pages through the hits', async () => {
    const second = await search('q=quorvex&limit=1&page=2')
    expect(second.body).toMatchObject({ page: 2, limit: 1, totalDocs: 3, hasNextPage: true })
    expect(hitsOf(second.body)).toEqual(['pages:quorvex-in-summary'])
    const last = await search('q=quorvex&limit=2&page=2')
    expect(last.body).toMatchObject({ totalDocs: 3, hasNextPage: false })
    expect(hitsOf(last.body)).toEqual(['posts:quorvex-in-text'])
    const beyond = await search('q=quorvex&limit=2&page=5')
    expect(beyond.body).toMatchObject({ docs: [], totalDocs: 3, hasNextPage: false })
  })

  it('answers a query of stop words only with nothing', async () => {
    expect((await search('q=the')).body).toMatchObject({ docs: [], totalDocs: 0 })
  })
})

describe('refusals', () => {
  it('refuses a missing, empty or too long q with 400 naming q, and bad paging naming the parameter', async () => {
    for (const query of ['', 'q=', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=essay%00x', 'q=%07bell']) {
      const res = await search(query)
      expect(res.status, query).toBe(400)
      expect(res.body.errors[0].message).toMatch(/^q: /)
      expect(res.body.errors[0].data.errors[0].path).toBe('q')
    }
    expect((await search(`q=${'a'.repeat(200)}`)).status).toBe(200)
    for (const [query, path] of [
      ['q=x&limit=0', 'limit'],
      ['q=x&limit=51', 'limit'],
      ['q=x&page=abc', 'page'],
      ['q=x&page=101', 'page'],
    ]) {
      const res = await search(query!)
      expect(res.status, query).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe(path)
    }
  })

  it('answers 404 naming the website when none matches', async () => {
    const res = await search('q=quorvex', { host: 'nowhere.example', headers: { 'x-tenant': 'nope' } })
    expect(res.status).toBe(404)
    expect(res.body.errors[0].message).toContain('nope')
  })
})

describe('caching', () => {
  it('tags the answer, varies by website, answers 304 to a current tag and a new tag after publishing', async () => {
    const first = await search('q=quorvex')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    expect(first.headers.get('vary')).toBe('Host, X-Tenant')

    const again = await search('q=quorvex', { ...ALPHA, headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.body).toBeNull()
    expect(again.headers.get('etag')).toBe(etag)
    expect((await search('q=quorvex', { ...ALPHA, headers: { 'if-none-match': `W/${etag}, "other"` } })).status).toBe(304)
    expect((await search('q=quorvex', BETA)).headers.get('etag')).not.toBe(etag)

    // The same over HTTP, through the web process's API handler.
    const server = await startApiServer(t.payload)
    try {
      const url = `${server.base}/api/public/search?q=quorvex`
      const http = await fetch(url, { headers: { 'x-tenant': 'alpha' } })
      expect(http.status).toBe(200)
      expect(http.headers.get('etag')).toBe(etag)
      expect(http.headers.get('vary')).toContain('X-Tenant')
      const notModified = await fetch(url, { headers: { 'x-tenant': 'alpha', 'if-none-match': etag } })
      expect(notModified.status).toBe(304)
      expect(await notModified.text()).toBe('')
    } finally {
      server.close()
    }

    await savePost(t.payload, { tenant: alpha, author: await authorOf(t.payload, alpha), slug: 'quorvex-newer', title: 'Another quorvex post' }, 'published')
    const after = await search('q=quorvex', { ...ALPHA, headers: { 'if-none-match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(after.body.totalDocs).toBe(4)
  })
})
