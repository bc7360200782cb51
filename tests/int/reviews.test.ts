import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Review } from '@/payload-types'

import { blockNode, lexicalBody, para } from '../helpers/lexical'
import { type OrderPeople, orderPeople, type Who } from '../helpers/orderPeople'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let p: OrderPeople
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const DAY = 24 * 3600 * 1000
const REAL_NAME = 'Margaret Hidden-Realname'
const PEN_NAME = 'Quill Westbrook'

beforeAll(async () => {
  t = await startTestPayload()
  p = await orderPeople(t)
  await t.payload.update({ collection: 'users', id: p.ids.writer!, data: { name: REAL_NAME, penName: PEN_NAME }, depth: 0 })
})
afterAll(async () => t?.close())

/** An order of `client` worked by `writer`, done: `status` (completed by default) `completedDaysAgo` days after its completion. */
const doneOrder = async (client: 'client' | 'client2' = 'client', { status = 'completed', completedDaysAgo = 1, writer = 'writer' as Who, writerId = undefined as number | undefined } = {}) => {
  const order = await placeOrderFor(t.payload, p.alphaId, `${client}@alpha.test`)
  return t.payload.update({
    collection: 'orders',
    id: order.id,
    data: { status: status as never, writer: writerId ?? p.ids[writer], timestamps: { completedAt: new Date(Date.now() - completedDaysAgo * DAY).toISOString() } },
    depth: 0,
  })
}

const post = (who: Who, body: Record<string, unknown>) => t.api.post('/api/reviews', { ...p.as(who), body })
const review = async (who: Who, body: Record<string, unknown>): Promise<Review> => {
  const res = await post(who, body)
  if (res.status !== 201) throw new Error(`review failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as Review
}
const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/reviews/${id}/actions/${action}`, { ...p.as(who), body })
const must = async (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, id, action, body)
  if (res.status !== 200) throw new Error(`${who} ${action} on review ${id}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as Review
}
const publicReviews = (query = '', host = ALPHA) => t.api.get(`/api/public/reviews${query}`, host)
const writerRow = () => t.payload.findByID({ collection: 'users', id: p.ids.writer!, depth: 0 })
const TEXT = 'Clear structure, sources checked, delivered on time.'
const messages = (body: { errors?: { message?: string; data?: { errors?: { path: string; message: string }[] } }[] }) => JSON.stringify(body)

describe('POST /api/reviews', () => {
  it('a client reviews their own completed order once: a second review of it is a 409 naming the order', async () => {
    const order = await doneOrder()
    const first = await review('client', { order: order.id, rating: 5, writerRating: 4, text: TEXT, status: 'approved', client: p.ids.client2, writer: p.ids.writer2 })
    expect(first).toMatchObject({ kind: 'order', status: 'pending', rating: 5, writerRating: 4 })
    const stored = await t.payload.findByID({ collection: 'reviews', id: first.id, depth: 0 })
    // The server decides who wrote it, about whom, and its status.
    expect(stored).toMatchObject({ order: order.id, client: p.ids.client, writer: p.ids.writer, status: 'pending' })
    const second = await post('client', { order: order.id, rating: 1, text: 'Changed my mind about it.' })
    expect(second.status).toBe(409)
    expect(messages(second.body)).toContain('order')
    expect((await t.payload.count({ collection: 'reviews', where: { order: { equals: order.id } } })).totalDocs).toBe(1)
  })

  it('two reviews of one order at once: one is taken', async () => {
    const order = await doneOrder()
    const answers = await Promise.all([post('client', { order: order.id, rating: 4, text: TEXT }), post('client', { order: order.id, rating: 3, text: TEXT })])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
  })

  it('only an order of the client’s own that is completed, or archived within 60 days of completion', async () => {
    const others = await doneOrder('client2')
    expect((await post('client', { order: others.id, rating: 5, text: TEXT })).status).toBe(404)
    const working = await doneOrder('client', { status: 'in_progress' })
    const early = await post('client', { order: working.id, rating: 5, text: TEXT })
    expect(early.status).toBe(422)
    expect(messages(early.body)).toContain('completed')
    const lateArchive = await doneOrder('client', { status: 'archived', completedDaysAgo: 61 })
    expect((await post('client', { order: lateArchive.id, rating: 5, text: TEXT })).status).toBe(422)
    // The 60 days hold for an order still `completed` (one the auto-archive has not reached).
    const lateCompleted = await doneOrder('client', { completedDaysAgo: 61 })
    const late = await post('client', { order: lateCompleted.id, rating: 5, text: TEXT })
    expect(late.status).toBe(422)
    expect(messages(late.body)).toContain('60 days')
    const archived = await doneOrder('client', { status: 'archived', completedDaysAgo: 30 })
    expect((await post('client', { order: archived.id, rating: 5, text: TEXT })).status).toBe(201)
  })

  it('bad input is a 4xx naming the field and the rule, and writes nothing', async () => {
    const order = await doneOrder()
    const before = (await t.payload.count({ collection: 'reviews' })).totalDocs
    const cases: [Record<string, unknown>, string][] = [
      [{ order: order.id, rating: 6, text: TEXT }, 'rating'],
      [{ order: order.id, rating: 2.5, text: TEXT }, 'rating'],
      [{ order: order.id, rating: 'five', text: TEXT }, 'rating'],
      [{ order: order.id, text: TEXT }, 'rating'],
      [{ order: order.id, rating: 4, text: 'Short' }, 'text'],
      [{ order: order.id, rating: 4 }, 'text'],
      [{ order: order.id, rating: 4, writerRating: 0, text: TEXT }, 'writerRating'],
      [{ rating: 4, writerRating: 5, text: TEXT }, 'writerRating'],
      [{ order: 'first', rating: 4, text: TEXT }, 'order'],
    ]
    for (const [body, field] of cases) {
      const res = await post('client', body)
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(res.status, JSON.stringify(body)).toBeLessThan(500)
      expect(messages(res.body), JSON.stringify(body)).toContain(field)
    }
    for (const who of ['writer', 'support', 'admin'] as Who[]) expect((await post(who, { order: order.id, rating: 4, text: TEXT })).status).toBe(403)
    expect((await t.api.post('/api/reviews', { ...ALPHA, body: { order: order.id, rating: 4, text: TEXT } })).status).toBeGreaterThanOrEqual(401)
    expect((await t.payload.count({ collection: 'reviews' })).totalDocs).toBe(before)
  })

  it('a website review: from a client with a completed order there, once (until rejected)', async () => {
    const fresh = await t.payload.create({ collection: 'users', data: { name: 'New Client', email: `new-${Date.now()}@alpha.test`, password: 'Fresh-password-1', roles: ['client'], tenants: [{ tenant: p.alphaId }] }, depth: 0 })
    const token = await t.api.login(fresh.email, 'Fresh-password-1', ALPHA)
    const none = await t.api.post('/api/reviews', { ...ALPHA, token, body: { rating: 5, text: TEXT } })
    expect(none.status).toBe(422)
    await doneOrder('client2')
    const first = await review('client2', { rating: 4, text: 'A good website to order from.' })
    expect(first).toMatchObject({ kind: 'website', status: 'pending' })
    expect(await t.payload.findByID({ collection: 'reviews', id: first.id, depth: 0 })).toMatchObject({ order: null, writer: null })
    expect((await post('client2', { rating: 5, text: 'Another word about the website.' })).status).toBe(409)
    await must('support', first.id, 'reject', { reasons: ['off_topic'] })
    expect((await post('client2', { rating: 5, text: 'Trying again, on topic this time.' })).status).toBe(201)
  })
})

describe('moderation and the public reviews', () => {
  it('approved reviews are public with the writer’s pen name, never the real name; a rejected one never appears; the writer’s rating follows', async () => {
    const [o1, o2, o3, o4] = [await doneOrder(), await doneOrder(), await doneOrder(), await doneOrder()]
    const good = await review('client', { order: o1.id, rating: 5, writerRating: 4, text: 'Superb work, will order again.' })
    const fine = await review('client', { order: o2.id, rating: 3, text: 'Fine work, a little late with a draft.' })
    const bad = await review('client', { order: o3.id, rating: 1, writerRating: 1, text: 'Rejected words that stay private.' })
    const later = await review('client', { order: o4.id, rating: 4, text: 'Flagged first, then approved by staff.' })

    // The website's moderators hear of a new review live.
    const announced = await t.payload.find({ collection: 'outbox', where: { and: [{ 'payload.event': { equals: 'reviews.created' } }, { 'payload.audience.staffOfTenant': { equals: p.alphaId } }] }, limit: 0, depth: 0 })
    expect(announced.docs.map((row) => (row.payload as { data: { id: number } }).data.id)).toEqual(expect.arrayContaining([good.id, bad.id]))
    // Pending reviews are nobody's public business.
    expect((await publicReviews()).body.reviews.map((r: { id: number }) => r.id)).not.toContain(good.id)

    // Moderators only; reasons are required to reject or flag.
    expect((await act('client', good.id, 'approve')).status).toBe(403)
    expect((await act('writer', good.id, 'approve')).status).toBe(404)
    const noReason = await act('support', bad.id, 'reject', {})
    expect(noReason.status).toBe(400)
    expect(messages(noReason.body)).toContain('reasons')
    expect((await act('support', bad.id, 'reject', { reasons: ['shouting'] })).status).toBe(400)
    expect((await act('support', bad.id, 'reject', { reasons: ['other'] })).status).toBe(400)

    await must('support', good.id, 'approve')
    await must('admin', fine.id, 'approve', { note: 'Checked.' })
    const rejected = await must('support', bad.id, 'reject', { reasons: ['offensive', 'personal_data'] })
    expect(rejected.status).toBe('rejected')
    expect((await act('support', bad.id, 'approve')).status).toBe(409)
    await must('support', later.id, 'flag', { reasons: ['not_genuine'], note: 'Check the order history.' })
    expect((await act('support', later.id, 'flag', { reasons: ['spam'] })).status).toBe(409)
    await must('admin', later.id, 'approve')

    // The writer's rating: each approved review's writer rating, else its rating: (4 + 3 + 4) / 3.
    expect(await writerRow()).toMatchObject({ ratingCount: 3, ratingAverage: 3.67 })

    const all = await publicReviews('?limit=50')
    expect(all.status).toBe(200)
    const ids = all.body.reviews.map((r: { id: number }) => r.id)
    expect(ids).toEqual(expect.arrayContaining([good.id, fine.id, later.id]))
    expect(ids).not.toContain(bad.id)
    const text = JSON.stringify(all.body)
    expect(text).not.toContain('Rejected words')
    expect(text).not.toContain(REAL_NAME)
    expect(text).not.toContain('client@alpha.test')
    expect(all.body.reviews.find((r: { id: number }) => r.id === good.id)).toMatchObject({ rating: 5, writerRating: 4, writer: { id: p.ids.writer, penName: PEN_NAME } })
    expect(Object.keys(all.body.reviews[0]).sort()).toEqual(['id', 'kind', 'publishedAt', 'rating', 'text', 'writer', 'writerRating'])

    const mine = await publicReviews(`?writer=${p.ids.writer}`)
    expect(mine.body).toMatchObject({ count: 3, average: 3.67 })
    expect(mine.body.reviews.every((r: { writer: { penName: string } }) => r.writer.penName === PEN_NAME)).toBe(true)
    const nobody = await publicReviews(`?writer=${p.ids.writer2}`)
    expect(nobody.body).toMatchObject({ count: 0, average: null, reviews: [] })

    // The client is told of both outcomes, the writer only of the approved review.
    const told = async (event: string, user: number) =>
      (await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'live.event' } }, { 'payload.event': { equals: event } }, { 'payload.audience.user': { equals: user } }] }, limit: 0, depth: 0 })).docs.map(
        (row) => (row.payload as { data: { id: number } }).data.id,
      )
    expect(await told('review.received', p.ids.writer!)).toEqual(expect.arrayContaining([good.id, fine.id, later.id]))
    expect(await told('review.received', p.ids.writer!)).not.toContain(bad.id)
    expect(await told('review.rejected', p.ids.client!)).toContain(bad.id)
    expect(await told('review.approved', p.ids.client!)).toContain(good.id)
    // Each step is on the review's timeline.
    const events = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'reviews' } }, { document: { equals: later.id } }] }, sort: 'createdAt', depth: 0 })
    expect(events.docs.map((e) => [e.action, e.from, e.to])).toEqual([['flag', 'pending', 'flagged'], ['approve', 'flagged', 'approved']])
  })

  it('another website’s host shows none of them, even asked for the writer', async () => {
    const order = await doneOrder()
    const r = await review('client', { order: order.id, rating: 5, text: 'Only for the Alpha website.' })
    await must('support', r.id, 'approve')
    const beta = await publicReviews('', BETA)
    expect(beta.status).toBe(200)
    expect(JSON.stringify(beta.body)).not.toContain('Only for the Alpha website.')
    expect((await publicReviews(`?writer=${p.ids.writer}`, BETA)).body).toMatchObject({ count: 0, reviews: [] })
    expect((await publicReviews('', { host: 'nowhere.test' })).status).toBe(404)
    for (const query of ['?writer=abc', '?page=0', '?limit=500']) expect((await publicReviews(query)).status).toBe(400)
  })

  it('who reads a review: the client their own, the writer the approved ones about them without the moderation’s reasons, Beta’s staff nothing', async () => {
    const [o1, o2] = [await doneOrder(), await doneOrder()]
    const approved = await review('client', { order: o1.id, rating: 4, text: 'Readable by the writer now.' })
    const pending = await review('client', { order: o2.id, rating: 2, text: 'Not for the writer yet.' })
    await must('support', approved.id, 'approve')
    const asWriter = await t.api.get('/api/reviews?limit=100&depth=0', p.as('writer'))
    const seen = asWriter.body.docs.map((d: { id: number }) => d.id)
    expect(seen).toContain(approved.id)
    expect(seen).not.toContain(pending.id)
    const doc = asWriter.body.docs.find((d: { id: number }) => d.id === approved.id)
    expect(doc.client).toBeUndefined()
    expect(doc.moderation?.note).toBeUndefined()
    expect((await t.api.get(`/api/reviews/${pending.id}`, p.as('client'))).status).toBe(200)
    expect((await t.api.get(`/api/reviews/${pending.id}`, p.as('client2'))).status).toBe(404)
    expect((await t.api.get(`/api/reviews/${pending.id}`, p.as('betaClient'))).status).toBe(404)
  })

  it('a testimonials block shows the website’s latest approved reviews from its minimum stars, by pen name', async () => {
    const [o1, o2] = [await doneOrder(), await doneOrder()]
    const praised = await review('client', { order: o1.id, rating: 5, text: 'Testimonial-worthy praise.' })
    const lukewarm = await review('client', { order: o2.id, rating: 2, text: 'Lukewarm words for no block.' })
    await must('support', praised.id, 'approve')
    await must('support', lukewarm.id, 'approve')
    const slug = `reviews-page-${Date.now()}`
    await t.payload.create({
      collection: 'pages',
      data: { tenant: p.alphaId, title: 'Reviews page', slug, template: 'standard', body: lexicalBody(para('What clients say.'), blockNode({ id: 'tm1', blockType: 'testimonials', blockName: '', heading: 'Clients', source: 'reviews', count: 3, minRating: 4 })) as never, _status: 'published' },
      depth: 0,
    })
    const res = await t.api.get(`/api/public/pages/${slug}`, ALPHA)
    expect(res.status).toBe(200)
    expect(res.body.page.html).toContain('Testimonial-worthy praise.')
    expect(res.body.page.html).toContain(PEN_NAME)
    expect(res.body.page.html).not.toContain('Lukewarm words')
    expect(JSON.stringify(res.body)).not.toContain(REAL_NAME)
  })
})

describe('the writer’s rating in the weekly level evaluation', () => {
  it('joins once it rests on three approved reviews, and a poor one holds back a promotion the orders alone would earn', async () => {
    const writer = p.ids.writer2!
    const { docs: levels } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: p.alphaId } }, { code: { equals: 'entry' } }] }, depth: 0 })
    await t.payload.update({ collection: 'users', id: writer, data: { writerLevel: levels[0]!.id }, depth: 0 })
    // Five completed orders: enough for Standard by the orders alone; three of them reviewed with 2 stars.
    const orders = []
    for (let i = 0; i < 5; i++) orders.push(await doneOrder('client', { writer: 'writer2' }))
    for (const order of orders.slice(0, 3)) {
      const r = await review('client', { order: order.id, rating: 4, writerRating: 2, text: 'The writer needs to improve a lot.' })
      await must('support', r.id, 'approve')
    }
    expect(await t.payload.findByID({ collection: 'users', id: writer, depth: 0 })).toMatchObject({ ratingAverage: 2, ratingCount: 3 })
    await runSchedule(t.payload, 'writers-evaluation', new Date())
    const [evaluation] = (await t.payload.find({ collection: 'writer-evaluations', where: { writer: { equals: writer } }, sort: '-periodStart', depth: 0 })).docs
    expect(evaluation).toMatchObject({ averageRating: 2, completedOrders: 5 })
    // Still Entry: the rating (2 < Standard's 3.5) is what it missed.
    expect((await t.payload.findByID({ collection: 'users', id: writer, depth: 0 })).writerLevel).toBe(levels[0]!.id)
    expect((await t.payload.count({ collection: 'writer-level-changes', where: { writer: { equals: writer } } })).totalDocs).toBe(0)
  })
})

describe('what a client may write and read of reviews, over REST and GraphQL', () => {
  it('the server decides the status, moderation, kind, writer, client and website of a new review', async () => {
    const order = await doneOrder()
    const created = await t.api.graphql(
      `mutation { createReview(data: { order: ${order.id}, rating: 5, text: "Sent over GraphQL with extras.", status: approved, kind: website, client: ${p.ids.client2}, writer: ${p.ids.writer2}, moderation: { note: "self-approved", moderatedBy: ${p.ids.client} } }) { id status } }`,
      p.as('client'),
    )
    expect(created.body.errors).toBeUndefined()
    const id = created.body.data.createReview.id as number
    expect(await t.payload.findByID({ collection: 'reviews', id, depth: 0 })).toMatchObject({
      status: 'pending',
      kind: 'order',
      client: p.ids.client,
      writer: p.ids.writer,
      tenant: p.alphaId,
      moderation: { note: null, moderatedBy: null },
    })
    // Another website than the client's own is refused, naming the field.
    const other = await post('client', { order: (await doneOrder()).id, rating: 4, text: TEXT, tenant: p.betaId })
    expect(other.status).toBe(403)
    expect(messages(other.body)).toContain('tenant')
  })

  it('nobody edits or deletes a review over the API, before or after its moderation', async () => {
    const order = await doneOrder()
    const mine = await review('client', { order: order.id, rating: 2, text: 'Words the client may not rewrite.' })
    const tryEdits = async () => {
      for (const who of ['client', 'writer', 'support', 'admin'] as Who[]) {
        expect((await t.api.patch(`/api/reviews/${mine.id}`, { ...p.as(who), body: { text: 'Rewritten afterwards.', rating: 5, status: 'approved' } })).status, who).toBeGreaterThanOrEqual(403)
        expect((await t.api.delete(`/api/reviews/${mine.id}`, p.as(who))).status, who).toBeGreaterThanOrEqual(403)
        const gql = await t.api.graphql(`mutation { updateReview(id: ${mine.id}, data: { text: "Rewritten afterwards.", rating: 5 }) { id text } }`, p.as(who))
        expect(gql.body.errors?.length, who).toBeGreaterThan(0)
      }
      expect(await t.payload.findByID({ collection: 'reviews', id: mine.id, depth: 0 })).toMatchObject({ text: 'Words the client may not rewrite.', rating: 2 })
    }
    await tryEdits()
    await must('support', mine.id, 'approve')
    await tryEdits()
  })

  it('a rejected review is read by its client and the moderators only; nobody reads a writer’s real name through a review', async () => {
    const order = await doneOrder()
    const rejected = await review('client', { order: order.id, rating: 1, text: 'Rejected words for nobody else.' })
    await must('support', rejected.id, 'reject', { reasons: ['offensive'] })
    for (const who of ['client2', 'writer', 'betaClient', 'anonymous'] as Who[]) {
      const as = who === 'anonymous' ? ALPHA : p.as(who)
      expect((await t.api.get(`/api/reviews/${rejected.id}`, as)).status, who).toBeGreaterThanOrEqual(401)
      const list = await t.api.get('/api/reviews?limit=100&depth=0', as)
      expect(JSON.stringify(list.body), who).not.toContain('Rejected words')
      const gql = await t.api.graphql('{ Reviews(limit: 100) { docs { id text } } }', as)
      expect(JSON.stringify(gql.body), who).not.toContain('Rejected words')
      const one = await t.api.graphql(`{ Review(id: ${rejected.id}) { id text } }`, as)
      expect(JSON.stringify(one.body), who).not.toContain('Rejected words')
    }
    expect((await t.api.get(`/api/reviews/${rejected.id}`, p.as('client'))).body).toMatchObject({ status: 'rejected', moderation: { reasons: ['offensive'] } })

    // The client's own reviews at full depth: the writer stays an id (clients read no one's user row).
    const rest = await t.api.get('/api/reviews?limit=100&depth=3', p.as('client'))
    expect(rest.status).toBe(200)
    expect(rest.body.docs.find((d: { id: number }) => d.id === rejected.id).writer).toBe(p.ids.writer)
    const gql = await t.api.graphql('{ Reviews(limit: 100) { docs { id writer { id name email penName } client { id name email } order { id } } } }', p.as('client'))
    const restText = JSON.stringify(rest.body)
    const gqlText = JSON.stringify(gql.body)
    for (const text of [restText, gqlText]) {
      expect(text).not.toContain(REAL_NAME)
      expect(text).not.toContain('writer@alpha.test')
    }
    // Anonymous: no review at all, by REST or GraphQL.
    expect((await t.api.get('/api/reviews', ALPHA)).status).toBeGreaterThanOrEqual(401)
    expect((await t.api.graphql('{ Reviews { docs { id } } }', ALPHA)).body.data?.Reviews?.docs ?? []).toEqual([])
  })
})

describe('taking a published review down', () => {
  it('flagging or rejecting an approved review removes it from the public list and from its writer’s rating, in the action', async () => {
    // A writer of their own for this test, without a pen name yet: shown as a neutral label.
    const fresh = await t.payload.create({
      collection: 'users',
      data: { name: 'Theodora Unlisted', email: `writer-${Date.now()}@alpha.test`, password: 'Fresh-password-1', roles: ['writer'], tenants: [{ tenant: p.alphaId }] },
      depth: 0,
    })
    const [o1, o2] = [await doneOrder('client', { writerId: fresh.id }), await doneOrder('client', { writerId: fresh.id })]
    const five = await review('client', { order: o1.id, rating: 4, writerRating: 5, text: 'Five stars for the writer here.' })
    const three = await review('client', { order: o2.id, rating: 3, text: 'Three stars, sent with a phone number.' })
    await must('support', five.id, 'approve')
    await must('support', three.id, 'approve')
    const rating = async () => t.payload.findByID({ collection: 'users', id: fresh.id, depth: 0 })
    const shown = async () => (await publicReviews(`?writer=${fresh.id}`)).body
    expect(await rating()).toMatchObject({ ratingAverage: 4, ratingCount: 2 })
    const listed = await shown()
    expect(listed).toMatchObject({ count: 2, average: 4 })
    expect(listed.reviews[0].writer).toEqual({ id: fresh.id, penName: `Writer #${fresh.id}` })
    expect(JSON.stringify(listed)).not.toContain('Theodora')

    // Flagged for a second look: off the public list and out of the rating until approved again.
    await must('admin', five.id, 'flag', { reasons: ['not_genuine'] })
    expect(await rating()).toMatchObject({ ratingAverage: 3, ratingCount: 1 })
    expect(await shown()).toMatchObject({ count: 1, average: 3, reviews: [{ id: three.id }] })
    await must('admin', five.id, 'approve')
    expect(await rating()).toMatchObject({ ratingAverage: 4, ratingCount: 2 })

    // Taken down for good: personal data found after it was published.
    const down = await must('support', three.id, 'reject', { reasons: ['personal_data'] })
    expect(down.status).toBe('rejected')
    expect(await rating()).toMatchObject({ ratingAverage: 5, ratingCount: 1 })
    const after = await shown()
    expect(after).toMatchObject({ count: 1, average: 5 })
    expect(JSON.stringify(after)).not.toContain('phone number')
    expect((await act('support', three.id, 'approve')).status).toBe(409)
    const told = await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'live.event' } }, { 'payload.event': { equals: 'review.rejected' } }, { 'payload.audience.user': { equals: p.ids.client } }] }, limit: 0, depth: 0 })
    expect(told.docs.map((row) => row.payload as { data: { id: number; withdrawn?: boolean } }).find((x) => x.data.id === three.id)?.data.withdrawn).toBe(true)
    const events = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'reviews' } }, { document: { equals: three.id } }] }, sort: 'createdAt', depth: 0 })
    expect(events.docs.map((e) => [e.action, e.from, e.to])).toEqual([['approve', 'pending', 'approved'], ['reject', 'approved', 'rejected']])
  })
})

describe('a moderation is all or nothing', () => {
  it('an approval that fails after the rating was recomputed leaves the review pending, the rating, the timeline and the inbox as they were', async () => {
    const fresh = await t.payload.create({
      collection: 'users',
      data: { name: 'Rollback Writer', penName: 'Steady Hand', email: `writer-rb-${Date.now()}@alpha.test`, password: 'Fresh-password-1', roles: ['writer'], tenants: [{ tenant: p.alphaId }] },
      depth: 0,
    })
    const r = await review('client', { order: (await doneOrder('client', { writerId: fresh.id })).id, rating: 5, text: 'An approval that will not hold.' })
    const db = (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> } }).drizzle
    // The writer's notification, the action's last write, fails.
    await db.execute(sql`CREATE OR REPLACE FUNCTION zz_refuse_review_received() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql`)
    await db.execute(sql`CREATE TRIGGER zz_refuse_review_received BEFORE INSERT ON notifications FOR EACH ROW WHEN (NEW.event = 'review.received') EXECUTE FUNCTION zz_refuse_review_received()`)
    try {
      expect((await t.api.post(`/api/reviews/${r.id}/actions/approve`, { ...p.as('support'), body: {}, unchecked: true })).status).toBeGreaterThanOrEqual(500)
    } finally {
      await db.execute(sql`DROP TRIGGER zz_refuse_review_received ON notifications`)
      await db.execute(sql`DROP FUNCTION zz_refuse_review_received()`)
    }
    expect((await t.payload.findByID({ collection: 'reviews', id: r.id, depth: 0 })).status).toBe('pending')
    expect(await t.payload.findByID({ collection: 'users', id: fresh.id, depth: 0 })).toMatchObject({ ratingAverage: null, ratingCount: 0 })
    expect((await t.payload.count({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'reviews' } }, { document: { equals: r.id } }] } })).totalDocs).toBe(0)
    expect((await t.payload.count({ collection: 'notifications', where: { key: { equals: `review.approved:${r.id}` } } })).totalDocs).toBe(0)
    expect((await publicReviews(`?writer=${fresh.id}`)).body).toMatchObject({ count: 0 })
    // Nothing was left half-done: the same approval goes through once the fault is gone.
    await must('support', r.id, 'approve')
    expect(await t.payload.findByID({ collection: 'users', id: fresh.id, depth: 0 })).toMatchObject({ ratingAverage: 5, ratingCount: 1 })
  })
})

describe('the writer’s pen name and rating on their user row', () => {
  const patchMe = (who: Who, body: Record<string, unknown>, id = p.ids[who]!) => t.api.patch(`/api/users/${id}`, { ...p.as(who), body })

  it('a pen name never gives away the real name, whichever of the two a PATCH changes', async () => {
    const refused: [Who, Record<string, unknown>, string][] = [
      ['writer', { penName: REAL_NAME.toUpperCase() }, 'penName'],
      ['writer', { penName: `  ${REAL_NAME.toLowerCase().replace(' ', '   ')} ` }, 'penName'],
      ['writer', { penName: `Dr. ${REAL_NAME}, PhD` }, 'penName'],
      ['writer', { penName: 'Q' }, 'penName'],
      ['writer', { penName: 'Q'.repeat(61) }, 'penName'],
      // Only the name changes, onto the pen name (or to what the pen name contains).
      ['writer', { name: PEN_NAME.toLowerCase() }, 'name'],
      ['writer', { name: 'Westbrook' }, 'name'],
      ['admin', { name: PEN_NAME }, 'name'],
    ]
    for (const [who, body, field] of refused) {
      const res = await patchMe(who, body, p.ids.writer!)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(messages(res.body), JSON.stringify(body)).toContain(field)
    }
    const gql = await t.api.graphql(`mutation { updateUser(id: ${p.ids.writer}, data: { penName: "${REAL_NAME}" }) { id penName } }`, p.as('writer'))
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(await writerRow()).toMatchObject({ name: REAL_NAME, penName: PEN_NAME })

    // A part of the name alone is not the name; changing both together is checked as one.
    expect((await patchMe('writer', { penName: 'Margaret Quill' })).status).toBe(200)
    expect((await patchMe('admin', { name: 'Quill Westbrook', penName: 'Quill Westbrook' }, p.ids.writer!)).status).toBe(400)
    expect((await patchMe('admin', { name: REAL_NAME, penName: PEN_NAME }, p.ids.writer!)).status).toBe(200)
    expect(await writerRow()).toMatchObject({ name: REAL_NAME, penName: PEN_NAME })
  })

  it('one writer cannot pass for another: a pen name that reads the same as someone else’s is a 400 naming penName', async () => {
    for (const taken of [PEN_NAME, ` ${PEN_NAME.toUpperCase()} `, PEN_NAME.replace(' ', ' - ')]) {
      const res = await patchMe('writer2', { penName: taken })
      expect(res.status, taken).toBe(400)
      expect(messages(res.body)).toContain('Another writer of this website already uses this pen name.')
    }
    const gql = await t.api.graphql(`mutation { updateUser(id: ${p.ids.writer2}, data: { penName: "${PEN_NAME.toLowerCase()}" }) { id penName } }`, p.as('writer2'))
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    // A name that only shares a word is someone else's own; saving one's own again is no clash.
    expect((await patchMe('writer2', { penName: `${PEN_NAME} Junior` })).status).toBe(200)
    expect((await patchMe('writer', { penName: PEN_NAME.toLowerCase() })).status).toBe(200)
    expect((await patchMe('writer', { penName: PEN_NAME })).status).toBe(200)
  })

  it('a row that already breaks the rule does not stop the moderation from keeping its rating', async () => {
    // Written before the rule (or by hand in SQL): the next write of neither field still passes.
    const query = (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> } }).drizzle
    await query.execute(sql`UPDATE users SET pen_name = name WHERE id = ${p.ids.writer!}`)
    try {
      const order = await doneOrder()
      const r = await review('client', { order: order.id, rating: 5, text: 'Approved despite the writer row.' })
      await must('support', r.id, 'approve')
      expect((await writerRow()).ratingCount).toBeGreaterThan(0)
    } finally {
      await query.execute(sql`UPDATE users SET pen_name = ${PEN_NAME} WHERE id = ${p.ids.writer!}`)
    }
  })

  it('a writer cannot set their rating over REST or GraphQL; clients and strangers do not read a writer’s row', async () => {
    const before = await writerRow()
    expect((await patchMe('writer', { ratingAverage: 5, ratingCount: 999 })).status).toBe(200)
    await t.api.graphql(`mutation { updateUser(id: ${p.ids.writer}, data: { ratingAverage: 5, ratingCount: 999 }) { id } }`, p.as('writer'))
    expect(await writerRow()).toMatchObject({ ratingAverage: before.ratingAverage, ratingCount: before.ratingCount })
    // The writer reads their own figures; a client or anonymous visitor reads no writer row (the public list is their window).
    expect((await t.api.get(`/api/users/${p.ids.writer}`, p.as('writer'))).body).toMatchObject({ penName: PEN_NAME, ratingCount: before.ratingCount })
    for (const as of [p.as('client'), ALPHA]) expect((await t.api.get(`/api/users/${p.ids.writer}`, as)).status).toBeGreaterThanOrEqual(401)
    const gql = await t.api.graphql(`{ User(id: ${p.ids.writer}) { id name penName } }`, p.as('client'))
    expect(JSON.stringify(gql.body)).not.toContain(REAL_NAME)
  })
})
