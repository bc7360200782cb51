import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/access/actor'
import { memoryEventBus } from '@/events/bus'
import { eventStreams } from '@/server/events'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { body, namedOf, pageOf, postOf } from '../helpers/contentDocs'
import { READS } from '../helpers/fieldRules'
import { startApiServer, type ApiServer } from '../helpers/payloadApiRoute'
import { openStream } from '../helpers/sse'
import { isolationFixtures, tinyPng } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Who may do what with content. Alpha's content editor runs Alpha's blog and service
 * pages and media, and reads nothing else: not Beta's drafts, not an order, a payment, a
 * person (but itself), the website's internals, its staff's live events or the
 * dashboard's order and money parts. Nobody else without content rights writes content;
 * the QA editor reads media only; admins (and the superadmin) hold every content right.
 */

const HOST = 'alpha.test'
const CONTENT_COLLECTIONS = ['posts', 'pages', 'authors', 'categories', 'tags'] as const
type ContentCollection = (typeof CONTENT_COLLECTIONS)[number]
/** What the content role reads besides content: its website (fields: fieldAccess.test.ts), media, itself. */
const READ_BY_CONTENT = new Set<string>([...CONTENT_COLLECTIONS, 'redirects', 'media', 'tenants', 'users'])

let t: TestContext
let alpha: number
let beta: number
const tokens: Record<string, string> = {}
const users: Record<string, number> = {}
const betaDocs = {} as Record<'draftPost' | 'draftPage' | 'publishedPost', number>
let betaDraftVersion: string | number

const as = (who: string) => ({ host: HOST, token: tokens[who] })
/** An id no row has: Beta's documents must get exactly its answer. */
const MISSING_ID = 987654
const missingVersion = async (who: string) => {
  const res = await t.api.get('/api/posts/versions/6543210', as(who))
  expect([403, 404]).toContain(res.status)
  return { status: res.status, body: res.body }
}

beforeAll(async () => {
  t = await startTestPayload()
  const tenants = await t.payload.find({ collection: 'tenants', depth: 0 })
  alpha = tenants.docs.find((d) => d.slug === 'alpha')!.id
  beta = tenants.docs.find((d) => d.slug === 'beta')!.id
  for (const who of ['content', 'admin', 'editor', 'support', 'writer', 'client']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: HOST })
    users[who] = (await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })).docs[0]!.id
  }
  tokens.superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD, { host: HOST })
  betaDocs.draftPost = (await postOf(t.payload, beta, { title: 'Beta draft for access', status: 'draft' })).id
  betaDocs.draftPage = (await pageOf(t.payload, beta, { title: 'Beta draft page for access', status: 'draft' })).id
  betaDocs.publishedPost = (await postOf(t.payload, beta, { title: 'Beta published for access' })).id
  betaDraftVersion = (await t.payload.findVersions({ collection: 'posts', where: { parent: { equals: betaDocs.draftPost } }, limit: 1, depth: 0 })).docs[0]!.id
})
afterAll(async () => t?.close())

describe('Alpha’s content editor and Beta’s content', () => {
  it.each([
    ['posts', 'draftPost'],
    ['posts', 'publishedPost'],
    ['pages', 'draftPage'],
  ] as const)('REST: %s %s of Beta is not found, on either website’s host, drafts asked or not', async (collection, which) => {
    for (const host of [HOST, 'beta.test']) {
      for (const suffix of ['', '?draft=true']) {
        const res = await t.api.get(`/api/${collection}/${betaDocs[which]}${suffix}`, { host, token: tokens.content })
        expect(res.status).toBe(404)
      }
    }
  })

  it('REST lists and versions hold Alpha’s rows only', async () => {
    for (const path of ['/api/posts?draft=true&limit=100&depth=0', '/api/pages?draft=true&limit=100&depth=0']) {
      const res = await t.api.get(path, as('content'))
      expect(res.status).toBe(200)
      expect(res.body.docs.length).toBeGreaterThan(0)
      expect(res.body.docs.every((d: { tenant: number | { id: number } }) => idOf(d.tenant) === alpha)).toBe(true)
    }
    for (const collection of ['posts', 'pages']) {
      const res = await t.api.get(`/api/${collection}/versions?limit=100&depth=0`, as('content'))
      expect(res.status).toBe(200)
      expect(res.body.docs.length).toBeGreaterThan(0)
      expect(res.body.docs.every((v: { version: { tenant: number | { id: number } } }) => idOf(v.version.tenant) === alpha)).toBe(true)
    }
    // Payload answers a version outside the reader's rows 403, as it answers one that does not exist.
    const version = await t.api.get(`/api/posts/versions/${betaDraftVersion}`, as('content'))
    expect(version).toMatchObject(await missingVersion('content'))
  })

  it('GraphQL: Beta’s draft, its version and Beta’s rows are not there', async () => {
    const one = await t.api.graphql(`{ Post(id: ${betaDocs.draftPost}, draft: true) { id title } }`, as('content'))
    expect(one.body.data?.Post ?? null).toBeNull()
    const version = await t.api.graphql(`{ versionPost(id: "${betaDraftVersion}") { id version { title } } }`, as('content'))
    expect(version.body.data?.versionPost ?? null).toBeNull()
    const lists = await t.api.graphql('{ Posts(draft: true, limit: 100) { docs { id tenant { id } } } versionsPosts(limit: 100) { docs { id version { tenant { id } } } } }', as('content'))
    expect(lists.body.errors).toBeUndefined()
    expect(lists.body.data.Posts.docs.every((d: { tenant: { id: number } }) => d.tenant.id === alpha)).toBe(true)
    expect(lists.body.data.versionsPosts.docs.length).toBeGreaterThan(0)
    expect(lists.body.data.versionsPosts.docs.every((d: { version: { tenant: { id: number } } }) => d.version.tenant.id === alpha)).toBe(true)
  })

  it('cannot write Beta’s content: updates answer as for a missing post, creating into Beta is refused', async () => {
    const patch = await t.api.patch(`/api/posts/${betaDocs.publishedPost}`, { ...as('content'), body: { title: 'Hijacked' } })
    const missing = await t.api.patch(`/api/posts/${MISSING_ID}`, { ...as('content'), body: { title: 'Hijacked' } })
    expect(patch).toMatchObject({ status: missing.status, body: missing.body })
    expect([403, 404]).toContain(patch.status)
    const before = await t.payload.count({ collection: 'posts', where: { tenant: { equals: beta } } })
    const create = await t.api.post('/api/posts', { ...as('content'), body: { tenant: beta, title: 'Planted in Beta', primaryAuthor: 1, _status: 'draft' } })
    expect(create.status).toBeGreaterThanOrEqual(400)
    expect(create.status).toBeLessThan(500)
    expect(await t.payload.count({ collection: 'posts', where: { tenant: { equals: beta } } })).toEqual(before)
    expect((await t.payload.findByID({ collection: 'posts', id: betaDocs.publishedPost, depth: 0 })).title).toBe('Beta published for access')
  })
})

describe('Alpha’s content editor reads nothing of orders, money, people or internals', () => {
  /** Every tenant-scoped collection the content role has no business in, from the config. */
  const forbidden = () => Object.keys(isolationFixtures).filter((slug) => !READ_BY_CONTENT.has(slug))

  it('covers orders, payments, refunds, invoices and messages (the table is not empty by accident)', () => {
    expect(forbidden()).toEqual(expect.arrayContaining(['orders', 'payments', 'refunds', 'invoices', 'order-messages', 'wallets', 'writer-earnings', 'pricing-options']))
  })

  it('REST: every such collection lists nothing and answers a real row of Alpha as not found', async () => {
    const report: string[] = []
    for (const slug of forbidden()) {
      const id = await isolationFixtures[slug]!.documentOf(t.payload, alpha)
      const list = await t.api.get(`/api/${slug}?limit=5&depth=0`, as('content'))
      if (list.status !== 200 || list.body.totalDocs !== 0) report.push(`${slug} list: ${list.status} ${list.body?.totalDocs}`)
      const one = await t.api.get(`/api/${slug}/${id}?depth=0`, as('content'))
      if (one.status !== 404) report.push(`${slug}/${id}: ${one.status}`)
    }
    expect(report).toEqual([])
  })

  it('GraphQL: every such collection answers empty lists', async () => {
    const report: string[] = []
    for (const slug of forbidden()) {
      const many = isolationFixtures[slug]!.graphql.many
      const res = await t.api.graphql(`{ ${many}(limit: 5) { totalDocs docs { id } } }`, as('content'))
      const totalDocs = res.body.data?.[many]?.totalDocs
      if (totalDocs !== 0 && !res.body.errors) report.push(`${many}: ${totalDocs}`)
    }
    expect(report).toEqual([])
  })

  it('reads itself among the users, and no one else', async () => {
    const list = await t.api.get('/api/users?limit=100&depth=0', as('content'))
    expect(list.status).toBe(200)
    expect(list.body.docs.map((u: { id: number }) => u.id)).toEqual([users.content])
    for (const other of ['admin', 'client', 'writer']) expect((await t.api.get(`/api/users/${users[other]}`, as('content'))).status).toBe(404)
  })

  it('reads its website’s content settings but not its internals, and changes none of it', async () => {
    const res = await t.api.get(`/api/tenants/${alpha}?depth=0`, as('content'))
    expect(res.status).toBe(200)
    expect(res.body.content?.siteName).toEqual(expect.any(String))
    expect(res.body.pricing).toBeUndefined()
    expect(res.body.orderSequence).toBeUndefined()
    expect(res.body.settings?.staffing).toBeUndefined()
    expect(res.body.settings?.payments).toBeUndefined()
    expect((await t.api.get(`/api/tenants/${beta}`, as('content'))).status).toBe(404)
    const before = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    const patch = await t.api.patch(`/api/tenants/${alpha}`, { ...as('content'), body: { name: 'Hijacked', content: { siteName: 'Hijacked' } } })
    expect([403, 404]).toContain(patch.status)
    const after = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    expect([after.name, after.content?.siteName]).toEqual([before.name, before.content?.siteName])
  })

  it('the dashboard gives it none of the orders, money, QA or support parts', async () => {
    const res = await t.api.get('/api/dashboard', as('content'))
    if (res.status === 200) {
      expect(res.body.admin ?? null).toBeNull()
      expect(res.body.editor).toBeUndefined()
      expect(res.body.support).toBeUndefined()
      expect(JSON.stringify(res.body)).not.toMatch(/"(money|byStatus|payoutRequests|qaQueue|disputes|outbox)"/)
    } else {
      expect(res.status).toBe(403)
    }
    // An admin's answer does hold them: the check above looks where they would be.
    const admin = await t.api.get('/api/dashboard', as('admin'))
    expect(JSON.stringify(admin.body)).toMatch(/"money"/)
  })

  describe('live events', () => {
    let server: ApiServer
    const bus = memoryEventBus()
    beforeAll(async () => {
      server = await startApiServer(t.payload, { routers: [eventStreams(t.payload, bus).router] })
    })
    afterAll(async () => {
      server?.close()
      await bus.close()
    })

    it('its stream carries its own events, never the staff events of its website', async () => {
      const content = await openStream(`${server.base}/api/events`, { authorization: `JWT ${tokens.content}`, 'x-tenant': 'alpha' })
      const admin = await openStream(`${server.base}/api/events`, { authorization: `JWT ${tokens.admin}`, 'x-tenant': 'alpha' })
      expect([content.status, admin.status]).toEqual([200, 200])
      const first = await bus.publish({ event: 'test', data: { n: 1 }, audience: { user: users.content! } })
      await bus.publish({ event: 'order.updated', data: { staff: true }, audience: { staffOfTenant: alpha } })
      await bus.publish({ event: 'test', data: { n: 2 }, audience: { user: users.content! } })
      await expect.poll(() => admin.events.map((e) => e.event)).toContain('order.updated')
      await expect.poll(() => content.events.length).toBe(2)
      expect(content.events.map((e) => e.data)).toEqual([expect.objectContaining({ n: 1 }), expect.objectContaining({ n: 2 })])
      // Resuming after its first event replays its second, and nothing of the staff's in between.
      content.close()
      const replay = await openStream(`${server.base}/api/events`, { authorization: `JWT ${tokens.content}`, 'last-event-id': first.id })
      await expect.poll(() => replay.events.length).toBe(1)
      expect(replay.events[0]!.data).toEqual(expect.objectContaining({ n: 2 }))
      replay.close()
      admin.close()
    })
  })
})

/** A body each collection accepts from a content-rights holder. */
const createBody = async (collection: ContentCollection, n: string): Promise<Record<string, unknown>> => {
  switch (collection) {
    case 'posts':
      return { title: `Post by ${n}`, body: body(`Written by ${n}.`), primaryAuthor: await namedOf(t.payload, 'authors', alpha), _status: 'published' }
    case 'pages':
      return { title: `Page by ${n}`, template: 'essay', body: body(`Written by ${n}.`), _status: 'published' }
    default:
      return { name: `${collection} by ${n}` }
  }
}

const alphaDocOf = async (collection: ContentCollection) => {
  if (collection === 'posts') return (await postOf(t.payload, alpha)).id
  if (collection === 'pages') return (await pageOf(t.payload, alpha)).id
  return namedOf(t.payload, collection, alpha)
}

describe.each(['client', 'writer', 'editor', 'support'])('%s of Alpha writes no content', (who) => {
  it.each(CONTENT_COLLECTIONS)('%s: create refused, update and delete change nothing', async (collection) => {
    const id = await alphaDocOf(collection)
    const before = await t.payload.count({ collection })
    const create = await t.api.post(`/api/${collection}`, { ...as(who), body: await createBody(collection, who) })
    expect(create.status).toBe(403)
    expect(await t.payload.count({ collection })).toEqual(before)
    const field = collection === 'posts' || collection === 'pages' ? 'title' : 'name'
    const stored = await t.payload.findByID({ collection, id, depth: 0 })
    const patch = await t.api.patch(`/api/${collection}/${id}`, { ...as(who), body: { [field]: 'Hijacked' } })
    expect([403, 404]).toContain(patch.status)
    const del = await t.api.delete(`/api/${collection}/${id}`, as(who))
    expect([403, 404]).toContain(del.status)
    expect(await t.payload.findByID({ collection, id, depth: 0 })).toEqual(stored)
  })

  it('media: refused to upload, update or delete', async () => {
    const id = await isolationFixtures.media!.documentOf(t.payload, alpha)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await tinyPng())], { type: 'image/png' }), 'planted.png')
    form.append('_payload', JSON.stringify({ alt: 'Planted' }))
    const before = await t.payload.count({ collection: 'media' })
    expect((await t.api.post('/api/media', { ...as(who), body: form })).status).toBe(403)
    expect(await t.payload.count({ collection: 'media' })).toEqual(before)
    expect([403, 404]).toContain((await t.api.patch(`/api/media/${id}`, { ...as(who), body: { alt: 'Hijacked' } })).status)
    expect([403, 404]).toContain((await t.api.delete(`/api/media/${id}`, as(who))).status)
    expect((await t.payload.findByID({ collection: 'media', id, depth: 0 })).alt).toBe(`media of website ${alpha}`)
  })
})

it('the QA editor reads media (and the content role, the list says so)', async () => {
  const id = await isolationFixtures.media!.documentOf(t.payload, alpha)
  for (const who of ['editor', 'content']) expect((await t.api.get(`/api/media/${id}`, as(who))).status).toBe(200)
  expect(READS.media!.hiddenFrom.editor).toEqual([])
})

describe.each(['admin', 'content', 'superadmin'])('%s: every content right on Alpha', (who) => {
  it.each(CONTENT_COLLECTIONS)('%s: create, read, update, delete', async (collection) => {
    const create = await t.api.post(`/api/${collection}`, { ...as(who), body: { ...(await createBody(collection, who)), ...(who === 'superadmin' ? { tenant: alpha } : {}) } })
    expect(create.status).toBe(201)
    const id = create.body.doc.id
    expect(idOf(create.body.doc.tenant)).toBe(alpha)
    expect((await t.api.get(`/api/${collection}/${id}?draft=true`, as(who))).status).toBe(200)
    const field = collection === 'posts' || collection === 'pages' ? 'title' : 'name'
    const patch = await t.api.patch(`/api/${collection}/${id}`, { ...as(who), body: { [field]: `Renamed by ${who}` } })
    expect(patch.status).toBe(200)
    expect(patch.body.doc[field]).toBe(`Renamed by ${who}`)
    if (collection === 'posts' || collection === 'pages') {
      // Its history: the created and the renamed version (the newest versions first).
      const versions = await t.api.get(`/api/${collection}/versions?sort=-updatedAt&limit=20&depth=0`, as(who))
      expect(versions.status).toBe(200)
      expect(versions.body.docs.filter((v: { parent: number | { id: number } }) => idOf(v.parent) === id).length).toBeGreaterThanOrEqual(2)
    }
    expect((await t.api.delete(`/api/${collection}/${id}`, as(who))).status).toBe(200)
    expect(await t.payload.count({ collection, where: { id: { equals: id } } })).toEqual({ totalDocs: 0 })
  })

  it('media: uploads, edits and deletes its website’s', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await tinyPng())], { type: 'image/png' }), `by-${who}.png`)
    form.append('_payload', JSON.stringify({ alt: `By ${who}`, ...(who === 'superadmin' ? { tenant: alpha } : {}) }))
    const created = await t.api.post('/api/media', { ...as(who), body: form })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await t.api.patch(`/api/media/${id}`, { ...as(who), body: { alt: 'Edited' } })).status).toBe(200)
    expect((await t.api.delete(`/api/media/${id}`, as(who))).status).toBe(200)
  })
})

it('Alpha’s admin has no content rights on Beta: its posts answer as missing ones', async () => {
  expect((await t.api.get(`/api/posts/${betaDocs.draftPost}?draft=true`, as('admin'))).status).toBe(404)
  const patch = await t.api.patch(`/api/posts/${betaDocs.publishedPost}`, { ...as('admin'), body: { title: 'Hijacked' } })
  const missing = await t.api.patch(`/api/posts/${MISSING_ID}`, { ...as('admin'), body: { title: 'Hijacked' } })
  expect(patch).toMatchObject({ status: missing.status, body: missing.body })
  expect((await t.payload.findByID({ collection: 'posts', id: betaDocs.publishedPost, depth: 0 })).title).toBe('Beta published for access')
  expect(await t.api.get(`/api/posts/versions/${betaDraftVersion}`, as('admin'))).toMatchObject(await missingVersion('admin'))
})
