import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findRedirect } from '@/operations/content/findRedirect'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { blockNode, internalLink, lexicalBody, para, paragraph, textNode } from '../helpers/lexical'
import { tinyPng } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
const token: Record<string, string> = {}
let alpha: number
let beta: number
let alphaAuthor: number
let betaAuthor: number
let servicePage: number

const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

const tenantId = async (slug: string) => (await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, limit: 1, depth: 0 })).docs[0]!.id

/** The field paths a 400 names (Payload's ValidationError shape). */
const refusedPaths = (body: { errors?: { data?: { errors?: { path: string }[] } }[] }) => (body.errors ?? []).flatMap((e) => e.data?.errors?.map((x) => x.path) ?? [])

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await tenantId('alpha')
  beta = await tenantId('beta')
  for (const [key, email, host] of [
    ['contentAlpha', 'content@alpha.test', 'alpha.test'],
    ['contentBeta', 'content@beta.test', 'beta.test'],
    ['adminAlpha', 'admin@alpha.test', 'alpha.test'],
    ['clientAlpha', 'client@alpha.test', 'alpha.test'],
    ['editorAlpha', 'editor@alpha.test', 'alpha.test'],
  ] as const)
    token[key] = await t.api.login(email, DEMO_PASSWORD, { host })
  const author = async (tenant: number, name: string) => (await t.payload.create({ collection: 'authors', data: { tenant, name } as never, depth: 0 })).id
  alphaAuthor = await author(alpha, 'Ada Writer')
  betaAuthor = await author(beta, 'Bea Writer')
  servicePage = (
    await t.payload.create({
      collection: 'pages',
      data: { tenant: alpha, title: 'Essay writing', template: 'essay', body: lexicalBody(para('We write essays.')), _status: 'published' } as never,
      depth: 0,
    })
  ).id
})
afterAll(async () => t?.close())

/** A complete post body for Alpha (author, text, an internal link, a meta description). */
const publishable = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  primaryAuthor: alphaAuthor,
  primaryService: servicePage,
  body: lexicalBody(paragraph(textNode('Read our '), internalLink('pages', servicePage, 'essay service'), textNode('.'))),
  meta: { description: 'A post.' },
  ...extra,
})

describe('slugs', () => {
  it('are made from the title when left empty: ASCII, lower case, dashes', async () => {
    const res = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: { title: 'Écrire: A Guide & Tips for 2026!', primaryAuthor: alphaAuthor } })
    expect(res.status).toBe(201)
    expect(res.body.doc.slug).toBe('ecrire-a-guide-and-tips-for-2026')
    expect(res.body.doc.tenant).toMatchObject({ id: alpha })
    const author = await t.api.post('/api/authors', { ...ALPHA, token: token.contentAlpha, body: { name: 'Dr. Zoë Quill' } })
    expect(author.body.doc.slug).toBe('dr-zoe-quill')
  })

  it('refuse a reserved slug with 400 naming slug, drafts included, writing nothing', async () => {
    for (const body of [{ title: 'Admin', slug: 'admin' }, { title: 'Sitemap', slug: 'sitemap.xml' }]) {
      const res = await t.api.post('/api/posts?draft=true', { ...ALPHA, token: token.contentAlpha, body })
      expect(res.status).toBe(400)
      expect(refusedPaths(res.body)).toEqual(['slug'])
    }
    const page = await t.api.post('/api/pages', { ...ALPHA, token: token.contentAlpha, body: { title: 'Blog', _status: 'draft' } })
    expect(page.status).toBe(400)
    expect(refusedPaths(page.body)).toEqual(['slug'])
    expect((await t.payload.count({ collection: 'posts', where: { slug: { in: ['admin', 'sitemap.xml'] } } })).totalDocs).toBe(0)
  })

  it('may repeat across websites but not within one (400 naming slug, not a 500)', async () => {
    const a = await t.api.post('/api/categories', { ...ALPHA, token: token.contentAlpha, body: { name: 'Study tips' } })
    const b = await t.api.post('/api/categories', { ...BETA, token: token.contentBeta, body: { name: 'Study tips' } })
    expect([a.status, b.status]).toEqual([201, 201])
    expect([a.body.doc.slug, b.body.doc.slug]).toEqual(['study-tips', 'study-tips'])
    const again = await t.api.post('/api/categories', { ...ALPHA, token: token.contentAlpha, body: { name: 'Study Tips!' } })
    expect(again.status).toBe(400)
    expect(refusedPaths(again.body)).toEqual(['slug'])
    expect(JSON.stringify(again.body)).toContain('already used on this website')

    const first = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: publishable('Twice', { _status: 'published' }) })
    expect(first.status).toBe(201)
    const second = await t.api.post('/api/posts?draft=true', { ...ALPHA, token: token.contentAlpha, body: { title: 'Twice' } })
    expect(second.status).toBe(400)
    expect(refusedPaths(second.body)).toEqual(['slug'])
    const renamed = await t.api.patch(`/api/posts/${first.body.doc.id}`, { ...ALPHA, token: token.contentAlpha, body: { slug: 'ecrire-a-guide-and-tips-for-2026' } })
    expect(renamed.status).toBe(400)
    expect(refusedPaths(renamed.body)).toEqual(['slug'])
    const betaTwice = await t.api.post('/api/posts', { ...BETA, token: token.contentBeta, body: { title: 'Twice', primaryAuthor: betaAuthor } })
    expect(betaTwice.status).toBe(201)
  })

  it('renamed on a published post leave a redirect from the old slug to the current one', async () => {
    const created = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: publishable('APA guide', { _status: 'published' }) })
    const id = created.body.doc.id as number
    // The rename is saved as a draft first, then published: the redirect comes with publication.
    await t.api.patch(`/api/posts/${id}?draft=true`, { ...ALPHA, token: token.contentAlpha, body: { slug: 'apa-style-guide' } })
    expect((await t.payload.count({ collection: 'redirects', where: { fromSlug: { equals: 'apa-guide' } } })).totalDocs).toBe(0)
    const published = await t.api.patch(`/api/posts/${id}`, { ...ALPHA, token: token.contentAlpha, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.body.doc.slug).toBe('apa-style-guide')
    await t.api.patch(`/api/posts/${id}`, { ...ALPHA, token: token.contentAlpha, body: { slug: 'apa-7-guide', _status: 'published' } })

    const req = await createLocalReq({}, t.payload)
    expect(await findRedirect(req, alpha, 'posts', 'apa-guide')).toEqual({ slug: 'apa-7-guide' })
    expect(await findRedirect(req, alpha, 'posts', 'apa-style-guide')).toEqual({ slug: 'apa-7-guide' })
    expect(await findRedirect(req, alpha, 'posts', 'apa-7-guide')).toBeNull()
    expect(await findRedirect(req, beta, 'posts', 'apa-guide')).toBeNull()
    expect(await findRedirect(req, alpha, 'pages', 'apa-guide')).toBeNull()

    // A live post that takes the old slug wins over the redirect.
    await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: publishable('APA guide', { _status: 'published' }) })
    expect(await findRedirect(req, alpha, 'posts', 'apa-guide')).toBeNull()
    // Unpublished, the renamed post leads nowhere.
    await t.api.patch(`/api/posts/${id}`, { ...ALPHA, token: token.contentAlpha, body: { _status: 'draft' } })
    expect(await findRedirect(req, alpha, 'posts', 'apa-style-guide')).toBeNull()

    const list = await t.api.get('/api/redirects', { ...ALPHA, token: token.contentAlpha })
    expect(list.body.docs.map((r: { fromSlug: string }) => r.fromSlug).sort()).toEqual(['apa-guide', 'apa-style-guide'])
    expect((await t.api.post('/api/redirects', { ...ALPHA, token: token.contentAlpha, body: { collection: 'posts', fromSlug: 'x', doc: { relationTo: 'posts', value: id } } })).status).toBe(403)
  })
})

describe('publishing', () => {
  it('refuses a post without primary author with 400 naming it; the draft saves', async () => {
    const draft = await t.api.post('/api/posts?draft=true', { ...ALPHA, token: token.contentAlpha, body: { title: 'Authorless', body: lexicalBody(para('Text.')) } })
    expect(draft.status).toBe(201)
    const res = await t.api.patch(`/api/posts/${draft.body.doc.id}`, { ...ALPHA, token: token.contentAlpha, body: { _status: 'published' } })
    expect(res.status).toBe(400)
    expect(refusedPaths(res.body)).toEqual(['primaryAuthor'])
    const stored = await t.payload.findByID({ collection: 'posts', id: draft.body.doc.id, depth: 0 })
    expect(stored._status).toBe('draft')
  })

  it('refuses an empty body with 400 naming body', async () => {
    const res = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: { title: 'Empty', primaryAuthor: alphaAuthor, _status: 'published' } })
    expect(res.status).toBe(400)
    expect(refusedPaths(res.body)).toEqual(['body'])
  })

  it('saves warnings with the post and returns them to its editors, not to readers', async () => {
    const res = await t.api.post('/api/posts', {
      ...ALPHA,
      token: token.contentAlpha,
      body: { title: 'Lonely post', primaryAuthor: alphaAuthor, body: lexicalBody(para('No links here.')), _status: 'published' },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.warnings.map((w: { field: string }) => w.field).sort()).toEqual(['body', 'meta.description', 'primaryService'])
    expect(res.body.doc.warningCount).toBe(3)
    expect(res.body.doc.publishedAt).toEqual(expect.any(String))
    expect(res.body.doc).not.toHaveProperty('plainText')

    const fixed = await t.api.patch(`/api/posts/${res.body.doc.id}`, { ...ALPHA, token: token.contentAlpha, body: publishable('Lonely post', { _status: 'published' }) })
    expect(fixed.body.doc.warnings).toEqual([])
    expect(fixed.body.doc.publishedAt).toBe(res.body.doc.publishedAt)

    const anonymous = await t.api.get(`/api/posts/${res.body.doc.id}`, ALPHA)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body).not.toHaveProperty('warnings')
    expect(anonymous.body).not.toHaveProperty('plainText')
  })

  it('computes word count, reading time, plain text and a default excerpt from the body', async () => {
    const long = words(500)
    const res = await t.api.post('/api/posts', {
      ...ALPHA,
      token: token.contentAlpha,
      body: {
        title: 'Long read',
        primaryAuthor: alphaAuthor,
        body: lexicalBody(para(long), blockNode({ id: 'faq1', blockType: 'faq', blockName: '', items: [{ id: 'q1', question: 'Is it long?', answer: 'Quite long indeed.' }] })),
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.wordCount).toBe(500 + 6)
    expect(res.body.doc.readingTime).toBe(3)
    expect(res.body.doc.excerpt.length).toBeLessThanOrEqual(300)
    expect(res.body.doc.excerpt).toMatch(/^word0 word1 .*…$/)
    const stored = await t.payload.findByID({ collection: 'posts', id: res.body.doc.id, depth: 0, draft: true })
    expect(stored.plainText).toContain('Is it long?\nQuite long indeed.')

    // The computed excerpt follows the body; a written one stays.
    const edited = await t.api.patch(`/api/posts/${res.body.doc.id}`, { ...ALPHA, token: token.contentAlpha, body: { body: lexicalBody(para('A new beginning.')) } })
    expect(edited.body.doc.excerpt).toBe('A new beginning.')

    const own = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: { title: 'Own excerpt', excerpt: 'Mine.', primaryAuthor: alphaAuthor, body: lexicalBody(para('Short.')) } })
    expect(own.body.doc).toMatchObject({ excerpt: 'Mine.', wordCount: 1, readingTime: 1 })
    const ownEdited = await t.api.patch(`/api/posts/${own.body.doc.id}`, { ...ALPHA, token: token.contentAlpha, body: { body: lexicalBody(para('Longer now.')) } })
    expect(ownEdited.body.doc).toMatchObject({ excerpt: 'Mine.', wordCount: 2 })
    const page = await t.api.post('/api/pages', { ...ALPHA, token: token.contentAlpha, body: { title: 'About us', template: 'static', body: lexicalBody(para('We are writers.')) } })
    expect(page.body.doc).toMatchObject({ summary: 'We are writers.', wordCount: 3 })
  })
})

describe('who may write and read content', () => {
  it('lets Alpha’s content editor create and publish in Alpha, not create in Beta, nor read Beta’s drafts', async () => {
    const own = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: publishable('Alpha news', { _status: 'published' }) })
    expect(own.status).toBe(201)
    expect(own.body.doc._status).toBe('published')

    const intoBeta = await t.api.post('/api/posts', { ...BETA, token: token.contentAlpha, body: { title: 'Intruder', primaryAuthor: betaAuthor, tenant: beta } })
    expect([400, 403]).toContain(intoBeta.status)
    expect((await t.payload.count({ collection: 'posts', where: { title: { equals: 'Intruder' } } })).totalDocs).toBe(0)

    const betaDraft = await t.payload.create({ collection: 'posts', data: { tenant: beta, title: 'Beta secret draft', primaryAuthor: betaAuthor }, draft: true, depth: 0 })
    for (const url of [`/api/posts/${betaDraft.id}`, `/api/posts/${betaDraft.id}?draft=true`]) expect((await t.api.get(url, { ...BETA, token: token.contentAlpha })).status).toBe(404)
    const list = await t.api.get('/api/posts?draft=true&limit=100', { ...BETA, token: token.contentAlpha })
    expect(list.body.docs.every((d: { tenant: { id: number } }) => d.tenant.id === alpha)).toBe(true)
    const versions = await t.api.get('/api/posts/versions?limit=100', { ...BETA, token: token.contentAlpha })
    expect(versions.body.docs.some((v: { parent: unknown }) => JSON.stringify(v.parent).includes(`"id":${betaDraft.id}`) || v.parent === betaDraft.id)).toBe(false)
    expect([403, 404]).toContain((await t.api.patch(`/api/posts/${betaDraft.id}`, { ...BETA, token: token.contentAlpha, body: { title: 'Hijacked' } })).status)
    expect((await t.payload.findByID({ collection: 'posts', id: betaDraft.id, draft: true, depth: 0 })).title).toBe('Beta secret draft')
  })

  it('refuses relations to another website’s authors, categories and pages', async () => {
    const betaCategory = (await t.payload.create({ collection: 'categories', data: { tenant: beta, name: 'Beta only' } as never, depth: 0 })).id
    const res = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: { title: 'Borrowing', primaryAuthor: betaAuthor, category: betaCategory } })
    expect(res.status).toBe(400)
    expect(refusedPaths(res.body).sort()).toEqual(['category', 'primaryAuthor'])
    expect((await t.payload.count({ collection: 'posts', where: { title: { equals: 'Borrowing' } } })).totalDocs).toBe(0)
  })

  it('refuses links and images of another website in the body (400 naming body), drafts included', async () => {
    const betaPost = await t.payload.create({ collection: 'posts', data: { tenant: beta, title: 'Beta target', primaryAuthor: betaAuthor, body: lexicalBody(para('x')), _status: 'published' } as never, depth: 0 })
    const png = await tinyPng()
    const betaImage = await t.payload.create({ collection: 'media', data: { tenant: beta, alt: 'Beta image' }, file: { data: png, mimetype: 'image/png', name: 'beta.png', size: png.length }, depth: 0 })
    for (const body of [
      lexicalBody(paragraph(internalLink('posts', betaPost.id, 'elsewhere'))),
      lexicalBody(blockNode({ id: 'img1', blockType: 'imageWithCaption', blockName: '', image: betaImage.id, caption: 'Borrowed' })),
    ]) {
      const res = await t.api.post('/api/posts?draft=true', { ...ALPHA, token: token.contentAlpha, body: { title: 'Cross-site links', body } })
      expect(res.status).toBe(400)
      expect(refusedPaths(res.body)).toEqual(['body'])
      expect(JSON.stringify(res.body)).toContain('not this website')
    }
    expect((await t.payload.count({ collection: 'posts', where: { title: { equals: 'Cross-site links' } } })).totalDocs).toBe(0)
  })

  it('refuses a client (403) and an operations editor writing posts', async () => {
    for (const who of ['clientAlpha', 'editorAlpha'] as const) {
      const res = await t.api.post('/api/posts', { ...ALPHA, token: token[who], body: { title: `By ${who}`, primaryAuthor: alphaAuthor } })
      expect(res.status).toBe(403)
    }
    expect((await t.payload.count({ collection: 'posts', where: { title: { like: 'By ' } } })).totalDocs).toBe(0)
  })

  it('shows anonymous readers and clients only the published posts of the request’s website, drafts never', async () => {
    const draft = await t.payload.create({ collection: 'posts', data: { tenant: alpha, title: 'Alpha hidden draft', primaryAuthor: alphaAuthor }, draft: true, depth: 0 })
    const betaPublished = await t.payload.create({
      collection: 'posts',
      data: { tenant: beta, title: 'Beta public', primaryAuthor: betaAuthor, body: lexicalBody(para('Hi.')), _status: 'published' } as never,
      depth: 0,
    })
    // A published post with a newer draft: readers get the published version.
    const live = await t.api.post('/api/posts', { ...ALPHA, token: token.contentAlpha, body: publishable('Published title', { _status: 'published' }) })
    await t.api.patch(`/api/posts/${live.body.doc.id}?draft=true`, { ...ALPHA, token: token.contentAlpha, body: { title: 'Unpublished new title' } })

    for (const options of [{ host: 'localhost', headers: { 'x-tenant': 'alpha' } }, ALPHA, { ...ALPHA, token: token.clientAlpha }]) {
      for (const url of ['/api/posts?limit=100', '/api/posts?limit=100&draft=true']) {
        const res = await t.api.get(url, options)
        expect(res.status).toBe(200)
        expect(res.body.docs.length).toBeGreaterThan(0)
        for (const doc of res.body.docs) {
          expect(doc._status).toBe('published')
          expect(doc.tenant.id ?? doc.tenant).toBe(alpha)
        }
        const titles = res.body.docs.map((d: { title: string }) => d.title)
        expect(titles).not.toContain('Alpha hidden draft')
        expect(titles).not.toContain('Beta public')
        expect(titles).not.toContain('Unpublished new title')
        // Without ?draft the published version shows; with it, the newer draft hides the post.
        if (!url.includes('draft')) expect(titles).toContain('Published title')
      }
      expect((await t.api.get(`/api/posts/${draft.id}?draft=true`, options)).status).toBe(404)
      expect((await t.api.get(`/api/posts/${betaPublished.id}`, options)).status).toBe(404)
    }
    expect((await t.api.get('/api/posts', { host: 'localhost' })).body.docs).toEqual([])
  })

  it('keeps versions from anonymous readers and clients', async () => {
    const anonymous = await t.api.get('/api/posts/versions', ALPHA)
    expect([401, 403]).toContain(anonymous.status)
    const client = await t.api.get('/api/posts/versions', { ...ALPHA, token: token.clientAlpha })
    expect(client.status === 403 || (client.status === 200 && client.body.docs.length === 0)).toBe(true)
    const editor = await t.api.get('/api/posts/versions', { ...ALPHA, token: token.contentAlpha })
    expect(editor.status).toBe(200)
    expect(editor.body.docs.length).toBeGreaterThan(0)
  })

  it('lets editors filter and sort versions by their own fields (parent, version.<field>, latest), checked like any query', async () => {
    const opts = { ...ALPHA, token: token.contentAlpha }
    const created = await t.api.post('/api/posts', { ...opts, body: { ...publishable('Versioned post'), _status: 'draft' } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id as number
    expect((await t.api.patch(`/api/posts/${id}`, { ...opts, body: { title: 'Versioned post, second draft' } })).status).toBe(200)
    const byParent = await t.api.get(`/api/posts/versions?where[parent][equals]=${id}&sort=-updatedAt`, opts)
    expect(byParent.status, JSON.stringify(byParent.body)).toBe(200)
    expect(byParent.body.docs.map((v: { parent: number | { id: number } }) => (typeof v.parent === 'object' ? v.parent.id : v.parent))).toEqual([id, id])
    expect(byParent.body.docs[0].version.title).toBe('Versioned post, second draft')
    const latest = await t.api.get(`/api/posts/versions?where[and][0][parent][equals]=${id}&where[and][1][latest][equals]=true&where[and][2][version.title][like]=second`, opts)
    expect(latest.body.docs).toHaveLength(1)
    const unknown = await t.api.get(`/api/posts/versions?where[secret][equals]=1`, opts)
    expect(unknown.status).toBe(400)
    expect(JSON.stringify(unknown.body)).toContain('secret')
    expect((await t.api.get(`/api/posts/versions?limit=100000`, opts)).status).toBe(400)
    const graphql = await t.api.graphql(`{ versionsPosts(where: { parent: { equals: ${id} } }) { docs { version { title } } } }`, opts)
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.versionsPosts.docs).toHaveLength(2)
    // The versions' fields are not the documents': Payload's own check refuses them there.
    const onDocuments = await t.api.get(`/api/posts?where[parent][equals]=${id}`, opts)
    expect(onDocuments.status).toBe(400)
    expect(JSON.stringify(onDocuments.body)).toContain('parent')
  })

  it('keeps drafts out of GraphQL for anonymous readers and clients, versions included', async () => {
    await t.payload.create({ collection: 'posts', data: { tenant: alpha, title: 'GraphQL hidden draft', primaryAuthor: alphaAuthor }, draft: true, depth: 0 })
    for (const options of [ALPHA, { ...ALPHA, token: token.clientAlpha }]) {
      for (const draft of [false, true]) {
        const res = await t.api.graphql(`{ Posts(draft: ${draft}, limit: 100) { docs { title _status } } }`, options)
        const docs = res.body.data.Posts.docs as { title: string; _status: string }[]
        expect(docs.map((d) => d.title)).not.toContain('GraphQL hidden draft')
        expect(docs.every((d) => d._status === 'published')).toBe(true)
      }
      const versions = await t.api.graphql('{ versionsPosts(limit: 100) { docs { version { title } } } }', options)
      expect(versions.body.data?.versionsPosts?.docs ?? []).toEqual([])
    }
  })

  it('shows hidden authors to the website’s editors only', async () => {
    await t.payload.create({ collection: 'authors', data: { tenant: alpha, name: 'Ghost Writer', showPublicly: false } as never, depth: 0 })
    const names = async (options: object) => (await t.api.get('/api/authors?limit=100', options)).body.docs.map((a: { name: string }) => a.name)
    expect(await names(ALPHA)).not.toContain('Ghost Writer')
    expect(await names(ALPHA)).not.toContain('Bea Writer')
    expect(await names({ ...ALPHA, token: token.contentAlpha })).toContain('Ghost Writer')
  })
})

describe('slug races', () => {
  it('let exactly one of several simultaneous saves take a slug; the others get 400 naming slug', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => t.api.post('/api/tags', { ...ALPHA, token: token.contentAlpha, body: { name: 'Racing tag' } })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400])
    for (const refused of answers.filter((a) => a.status === 400)) expect(refusedPaths(refused.body)).toEqual(['slug'])
    expect((await t.payload.count({ collection: 'tags', where: { slug: { equals: 'racing-tag' } } })).totalDocs).toBe(1)
  })
})

describe('website content settings', () => {
  it('are read by the website’s admins and content editors, not by clients or writers', async () => {
    const patch = await t.api.patch(`/api/tenants/${alpha}`, {
      ...ALPHA,
      token: token.adminAlpha,
      body: { content: { siteName: 'Alpha Blog', defaultMetaDescription: 'Essays done right.', previewUrl: 'https://alpha.test/preview/{collection}/{slug}', robotsDisallow: ['/drafts'] } },
    })
    expect(patch.status).toBe(200)
    expect((await t.api.get(`/api/tenants/${alpha}`, { ...ALPHA, token: token.contentAlpha })).body.content).toMatchObject({ siteName: 'Alpha Blog', robotsDisallow: ['/drafts'] })
    expect((await t.api.get(`/api/tenants/${alpha}`, { ...ALPHA, token: token.clientAlpha })).body).not.toHaveProperty('content')
    const refused = await t.api.patch(`/api/tenants/${alpha}`, { ...ALPHA, token: token.adminAlpha, body: { content: { previewUrl: 'javascript:alert(1)', robotsDisallow: ['no-slash'] } } })
    expect(refused.status).toBe(400)
    expect(refusedPaths(refused.body).sort()).toEqual(['content.previewUrl', 'content.robotsDisallow'])
    expect((await t.api.patch(`/api/tenants/${alpha}`, { ...ALPHA, token: token.contentAlpha, body: { content: { siteName: 'Hijack' } } })).status).toBe(403)
  })

  it('give the preview address and the SEO suggestions', async () => {
    const post = await t.api.post('/api/posts?draft=true', { ...ALPHA, token: token.contentAlpha, body: { title: 'Preview me', excerpt: 'A teaser.' } })
    const posts = t.payload.collections.posts.config
    const req = await createLocalReq({}, t.payload)
    expect(await posts.admin.preview!(post.body.doc, { req, locale: 'en', token: null })).toBe('https://alpha.test/preview/posts/preview-me')
    const live = posts.admin.livePreview!.url as (args: object) => Promise<string | null>
    expect(await live({ data: post.body.doc, req, collectionConfig: posts, locale: { code: 'en' }, payload: t.payload })).toBe('https://alpha.test/preview/posts/preview-me')

    const body = { collectionSlug: 'posts', id: post.body.doc.id, doc: { ...post.body.doc, tenant: alpha } }
    const title = await t.api.post('/api/plugin-seo/generate-title', { ...ALPHA, token: token.contentAlpha, body })
    expect(title).toMatchObject({ status: 200, body: { result: 'Preview me | Alpha Blog' } })
    const description = await t.api.post('/api/plugin-seo/generate-description', { ...ALPHA, token: token.contentAlpha, body })
    expect(description.body.result).toBe('A teaser.')
    const url = await t.api.post('/api/plugin-seo/generate-url', { ...ALPHA, token: token.contentAlpha, body })
    expect(url.body.result).toBe('https://alpha.localhost/blog/preview-me')
    expect((await t.api.post('/api/plugin-seo/generate-title', { ...ALPHA, body })).status).toBe(401)
    // Payload's canAccessAdmin answers 401 to users who may not open the panel.
    expect((await t.api.post('/api/plugin-seo/generate-title', { ...ALPHA, token: token.clientAlpha, body })).status).toBe(401)
  })
})
