import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEED_CONTENT } from '@/seed/contentData'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { body, pageOf, postOf } from '../helpers/contentDocs'
import { startContentServer, type ContentServer } from '../helpers/contentServer'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Nothing unpublished ever leaks: to anyone without content rights on Alpha — an anonymous
 * visitor, and Alpha's client, writer, QA editor and support — no draft, no unpublished
 * version, no newer draft of a published post and nothing of Beta is served through any
 * door: Payload's REST (lists, by id, `?draft=true`, versions, populated relations) and
 * GraphQL, the public API, search, the sitemap and the RSS feed.
 *
 * Every secret is a word that appears nowhere else; each answer is searched for all of
 * them. Each door is also asked for something published, so an answer that is empty
 * because the door is broken does not pass as "nothing leaked".
 */

const HOST = 'alpha.test'
const READERS = ['anonymous', 'client', 'writer', 'editor', 'support'] as const
type Reader = (typeof READERS)[number]

/** Words only unpublished or foreign documents contain. */
const SECRET = {
  draftPost: 'quokkadraftpost',
  draftPage: 'pangolindraftpage',
  newerDraft: 'axolotlnewerdraft',
  unpublished: 'narwhalunpublished',
  beta: 'okapibetapublished',
} as const
/** What the published post says, and must keep saying while a newer draft waits. */
const PUBLISHED_WORD = 'wombatpublished'

let t: TestContext
let server: ContentServer
let alpha: number
let beta: number
const tokens: Partial<Record<Reader, string>> = {}
const ids = {} as Record<'draftPost' | 'draftPage' | 'published' | 'unpublished' | 'beta' | 'servicePage', number>
const slugs = {} as Record<'draftPost' | 'draftPage' | 'published' | 'unpublished' | 'beta', string>
const versionIds = {} as Record<'draftPost' | 'draftPage' | 'newerDraft', string | number>

/** The seed's own drafts and scheduled posts of both websites: their titles never show either. */
const seededUnpublished = Object.values(SEED_CONTENT).flatMap((site) => site.posts.filter((p) => p.status).map((p) => p.title))
const betaTitles = SEED_CONTENT.beta!.posts.map((p) => p.title)
/** A published post and page of Alpha's seed. */
const SEEDED_POST = SEED_CONTENT.alpha!.posts[0]!.title
const SEEDED_PAGE = SEED_CONTENT.alpha!.pages[0]!.title

const opts = (reader: Reader, extra: Record<string, unknown> = {}) => ({ host: HOST, ...(reader === 'anonymous' ? {} : { token: tokens[reader] }), ...extra })

/**
 * Keys of what these readers may never see, wherever a relation is populated: the
 * website's internals (price list, counters, staffing, limits), the editors' pre-publish
 * warnings, the search text, and people's accounts.
 */
const FORBIDDEN_KEYS = ['warnings', 'warningCount', 'plainText', 'email', 'sessions']
/** The website's internals: its operations staff (QA editor, support) read them, nobody else here does. */
const INTERNAL_KEYS = ['orderSequence', 'invoiceSequence', 'basePerPage', 'staffing', 'rateLimits', 'payments']
const STAFF_READERS: readonly Reader[] = ['editor', 'support']

/** Every secret found in an answer for this reader (empty: nothing leaked). */
const leaks = (answer: unknown, reader: Reader = 'anonymous'): string[] => {
  const text = typeof answer === 'string' ? answer : JSON.stringify(answer)
  const words = [...Object.values(SECRET), ...seededUnpublished, ...betaTitles].filter((secret) => text.toLowerCase().includes(secret.toLowerCase()))
  const keys = [...FORBIDDEN_KEYS, ...(STAFF_READERS.includes(reader) ? [] : INTERNAL_KEYS)]
  return [...words, ...keys.filter((key) => text.includes(`"${key}":`)).map((key) => `key ${key}`)]
}

beforeAll(async () => {
  t = await startTestPayload()
  const tenants = await t.payload.find({ collection: 'tenants', depth: 0 })
  alpha = tenants.docs.find((d) => d.slug === 'alpha')!.id
  beta = tenants.docs.find((d) => d.slug === 'beta')!.id
  for (const reader of READERS) if (reader !== 'anonymous') tokens[reader] = await t.api.login(`${reader}@alpha.test`, DEMO_PASSWORD, { host: HOST })

  // Slugs without the secret words: a 404 may name the slug it was asked for.
  const draftPage = await pageOf(t.payload, alpha, { title: `Service ${SECRET.draftPage}`, slug: 'leak-fixture-draft-page', text: `Draft service ${SECRET.draftPage}.`, status: 'draft' })
  const draftPost = await postOf(t.payload, alpha, { title: `Post ${SECRET.draftPost}`, slug: 'leak-fixture-draft-post', text: `Draft body ${SECRET.draftPost}.`, status: 'draft' })
  const servicePage = await pageOf(t.payload, alpha, { title: 'Published service for leak tests', text: `Service ${PUBLISHED_WORD}.` })
  // Published, but its primary service is a draft page and its body links to a draft post.
  const published = await postOf(t.payload, alpha, {
    title: `Published ${PUBLISHED_WORD}`,
    text: `The published text ${PUBLISHED_WORD}. `,
    links: [{ link: 'a draft', to: { relationTo: 'posts', value: draftPost.id } }, ' and ', { link: 'a draft page', to: { relationTo: 'pages', value: draftPage.id } }],
    primaryService: draftPage.id,
  })
  // A newer draft waits on the published post: readers keep the published text.
  await t.payload.update({ collection: 'posts', id: published.id, data: { title: `Rewritten ${SECRET.newerDraft}`, body: body(`Rewritten ${SECRET.newerDraft}.`) }, draft: true, depth: 0 })
  // Published once, then taken down: its published version stays in the history.
  const unpublished = await postOf(t.payload, alpha, { title: `Withdrawn ${SECRET.unpublished}`, slug: 'leak-fixture-withdrawn', text: `Withdrawn ${SECRET.unpublished}.` })
  await t.payload.update({ collection: 'posts', id: unpublished.id, data: { _status: 'draft' }, depth: 0 })
  const betaPost = await postOf(t.payload, beta, { title: `Beta ${SECRET.beta}`, slug: 'leak-fixture-beta', text: `Beta only ${SECRET.beta}.` })

  Object.assign(ids, { draftPost: draftPost.id, draftPage: draftPage.id, published: published.id, unpublished: unpublished.id, beta: betaPost.id, servicePage: servicePage.id })
  Object.assign(slugs, { draftPost: draftPost.slug, draftPage: draftPage.slug, published: published.slug, unpublished: unpublished.slug, beta: betaPost.slug })
  const versionOf = async (collection: 'posts' | 'pages', parent: number, word: string) => {
    const { docs } = await t.payload.findVersions({ collection, where: { parent: { equals: parent } }, sort: '-updatedAt', limit: 50, depth: 0 })
    return docs.find((v) => JSON.stringify(v.version).includes(word))!.id
  }
  versionIds.draftPost = await versionOf('posts', draftPost.id, SECRET.draftPost)
  versionIds.draftPage = await versionOf('pages', draftPage.id, SECRET.draftPage)
  versionIds.newerDraft = await versionOf('posts', published.id, SECRET.newerDraft)
  server = await startContentServer(t.payload)
})
afterAll(async () => {
  server?.close()
  await t?.close()
})

it('the fixtures hold what the tests look for (Alpha’s content editor sees every secret of Alpha)', async () => {
  const editor = await t.api.login('content@alpha.test', DEMO_PASSWORD, { host: HOST })
  const list = await t.api.get('/api/posts?draft=true&limit=100&depth=0', { host: HOST, token: editor })
  expect(list.status).toBe(200)
  const found = leaks(list.body)
  for (const word of [SECRET.draftPost, SECRET.newerDraft, SECRET.unpublished]) expect(found).toContain(word)
  expect(found).not.toContain(SECRET.beta)
})

describe.each(READERS)('as %s of Alpha', (reader) => {
  describe('Payload REST', () => {
    // Each with something published it must show, so an empty answer from a broken door does
    // not pass. (With `draft=true` a list reads each document's latest version: a published
    // post whose latest is a newer draft drops out of it rather than showing the draft.)
    it.each([
      ['list', '/api/posts?limit=100&depth=2', PUBLISHED_WORD],
      ['list of drafts', '/api/posts?draft=true&limit=100&depth=2', SEEDED_POST],
      ['list by a draft’s slug', `/api/posts?draft=true&where[slug][equals]=__draftPost__`, null],
      ['list of every status', '/api/posts?draft=true&where[_status][in]=draft,published&limit=100', SEEDED_POST],
      ['the published post, populated', '/api/posts/__published__?depth=3', PUBLISHED_WORD],
      ['the published post, its latest draft asked for', '/api/posts/__published__?draft=true&depth=3', PUBLISHED_WORD],
      ['pages', '/api/pages?limit=100&depth=2', PUBLISHED_WORD],
      ['pages, drafts asked for', '/api/pages?draft=true&limit=100&depth=2', SEEDED_PAGE],
    ])('%s: published content only', async (_name, path, shown) => {
      const url = path.replace('__draftPost__', slugs.draftPost).replace('__published__', String(ids.published))
      const res = await t.api.get(url, opts(reader))
      expect(res.status).toBe(200)
      expect(leaks(res.body, reader)).toEqual([])
      if (shown) expect(JSON.stringify(res.body)).toContain(shown)
      else expect(res.body.docs).toEqual([])
    })

    it('the published post serves its published text, not the newer draft, and populates no draft', async () => {
      for (const suffix of ['?depth=3', '?draft=true&depth=3']) {
        const res = await t.api.get(`/api/posts/${ids.published}${suffix}`, opts(reader))
        expect(res.status).toBe(200)
        expect(res.body.title).toBe(`Published ${PUBLISHED_WORD}`)
        // The draft service page is not populated: at most its id remains, never its title.
        expect(res.body.primaryService == null || typeof res.body.primaryService === 'number').toBe(true)
      }
    })

    it.each([
      ['posts', 'draftPost'],
      ['posts', 'unpublished'],
      ['posts', 'beta'],
      ['pages', 'draftPage'],
    ] as const)('%s by id: %s is not found, with or without draft=true', async (collection, which) => {
      for (const suffix of ['', '?draft=true', '?depth=2&draft=true']) {
        const res = await t.api.get(`/api/${collection}/${ids[which]}${suffix}`, opts(reader))
        expect(res.status).toBe(404)
        expect(leaks(res.body, reader)).toEqual([])
      }
    })

    it('counts only the published posts of Alpha', async () => {
      const published = await t.payload.count({ collection: 'posts', where: { and: [{ tenant: { equals: alpha } }, { _status: { equals: 'published' } }] } })
      for (const suffix of ['', '?draft=true']) {
        const res = await t.api.get(`/api/posts/count${suffix}`, opts(reader))
        expect(res.status).toBe(200)
        expect(res.body.totalDocs).toBe(published.totalDocs)
      }
    })

    it.each(['posts', 'pages'] as const)('/api/%s/versions lists nothing and answers no version by id', async (collection) => {
      const list = await t.api.get(`/api/${collection}/versions?limit=100&depth=2`, opts(reader))
      expect([200, 403]).toContain(list.status)
      if (list.status === 200) expect(list.body.docs).toEqual([])
      expect(leaks(list.body, reader)).toEqual([])
      const owned = collection === 'posts' ? [versionIds.draftPost, versionIds.newerDraft] : [versionIds.draftPage]
      for (const id of owned) {
        const one = await t.api.get(`/api/${collection}/versions/${id}?depth=2`, opts(reader))
        expect([403, 404]).toContain(one.status)
        expect(leaks(one.body, reader)).toEqual([])
      }
    })

    it('an X-Tenant header naming Beta on Alpha’s host serves Alpha’s, never Beta’s', async () => {
      const res = await t.api.get('/api/posts?limit=100', opts(reader, { headers: { 'x-tenant': 'beta' } }))
      expect(res.status).toBe(200)
      expect(leaks(res.body, reader)).toEqual([])
    })
  })

  describe('Payload GraphQL', () => {
    const FIELDS = 'id title slug _status body primaryService { id title body } primaryAuthor { id name }'
    it.each([
      ['Posts', `{ Posts(limit: 100) { docs { ${FIELDS} } } }`],
      ['Posts with drafts', `{ Posts(draft: true, limit: 100) { docs { ${FIELDS} } } }`],
      ['Pages with drafts', '{ Pages(draft: true, limit: 100) { docs { id title slug body } } }'],
      ['Pages', '{ Pages(limit: 100) { docs { id title slug body tenant { id name } } } }'],
      ['Post (published, draft asked)', `{ Post(id: __published__, draft: true) { ${FIELDS} } }`],
    ])('%s: published content only', async (name, query) => {
      const res = await t.api.graphql(query.replace('__published__', String(ids.published)), opts(reader))
      expect(leaks(res.body, reader)).toEqual([])
      expect(JSON.stringify(res.body.data)).toContain(name === 'Posts with drafts' ? SEEDED_POST : PUBLISHED_WORD)
    })

    it.each([
      ['Post draft', `{ Post(id: __draftPost__, draft: true) { id title body } }`],
      ['Post withdrawn', `{ Post(id: __unpublished__) { id title body } }`],
      ['Post of Beta', `{ Post(id: __beta__, draft: true) { id title body } }`],
      ['Page draft', `{ Page(id: __draftPage__, draft: true) { id title body } }`],
      ['versionsPosts', '{ versionsPosts(limit: 100) { docs { id version { title body } } } }'],
      ['versionsPages', '{ versionsPages(limit: 100) { docs { id version { title body } } } }'],
      ['versionPost (draft)', `{ versionPost(id: "__vDraftPost__") { id version { title body } } }`],
      ['versionPost (newer draft)', `{ versionPost(id: "__vNewerDraft__") { id version { title body } } }`],
      ['versionPage (draft)', `{ versionPage(id: "__vDraftPage__") { id version { title body } } }`],
    ])('%s: nothing', async (_name, template) => {
      const query = template
        .replace('__draftPost__', String(ids.draftPost))
        .replace('__unpublished__', String(ids.unpublished))
        .replace('__beta__', String(ids.beta))
        .replace('__draftPage__', String(ids.draftPage))
        .replace('__vDraftPost__', String(versionIds.draftPost))
        .replace('__vNewerDraft__', String(versionIds.newerDraft))
        .replace('__vDraftPage__', String(versionIds.draftPage))
      const res = await t.api.graphql(query, opts(reader))
      expect(leaks(res.body, reader)).toEqual([])
      const data = res.body.data ? Object.values(res.body.data as Record<string, unknown>)[0] : null
      const docs = data && typeof data === 'object' && 'docs' in data ? (data as { docs: unknown[] }).docs : null
      if (docs) expect(docs).toEqual([])
      else expect(data ?? null).toBeNull()
    })
  })

  describe('public API, search, sitemap and RSS', () => {
    it('the post list and the published post: published text only', async () => {
      const list = await t.api.get('/api/public/posts?limit=50', opts(reader))
      expect(list.status).toBe(200)
      expect(leaks(list.body, reader)).toEqual([])
      expect(list.body.docs.map((d: { slug: string }) => d.slug)).toContain(slugs.published)
      const one = await t.api.get(`/api/public/posts/${slugs.published}`, opts(reader))
      expect(one.status).toBe(200)
      expect(JSON.stringify(one.body)).toContain(PUBLISHED_WORD)
      expect(leaks(one.body, reader)).toEqual([])
    })

    it.each([
      ['posts', 'draftPost'],
      ['posts', 'unpublished'],
      ['posts', 'beta'],
      ['pages', 'draftPage'],
    ] as const)('/api/public/%s/<slug of %s> is not found', async (collection, which) => {
      const res = await t.api.get(`/api/public/${collection}/${slugs[which]}`, opts(reader))
      expect(res.status).toBe(404)
      expect(leaks(res.body, reader)).toEqual([])
    })

    it('search finds the published word and none of the secrets', async () => {
      const found = await t.api.get(`/api/public/search?q=${PUBLISHED_WORD}`, opts(reader))
      expect(found.status).toBe(200)
      expect(found.body.totalDocs ?? found.body.docs.length).toBeGreaterThan(0)
      for (const secret of Object.values(SECRET)) {
        const res = await t.api.get(`/api/public/search?q=${secret}`, opts(reader))
        expect(res.status).toBe(200)
        expect(res.body.docs).toEqual([])
        // The answer may repeat the words asked for; its documents are what must not leak.
        expect(leaks(res.body.docs, reader)).toEqual([])
      }
    })

    it('the sitemap and the RSS feed list published Alpha content only', async () => {
      const headers: Record<string, string> = reader === 'anonymous' ? {} : { authorization: `JWT ${tokens[reader]}` }
      for (const path of ['/sitemap.xml', '/rss.xml']) {
        const res = await server.get(path, HOST, headers)
        expect(res.status).toBe(200)
        expect(res.text).toContain(slugs.published)
        for (const slug of [slugs.draftPost, slugs.unpublished, slugs.beta, slugs.draftPage]) expect(res.text).not.toContain(`/${slug}<`)
        expect(leaks(res.text, reader)).toEqual([])
      }
    })
  })
})
