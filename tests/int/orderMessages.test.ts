import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { orderPeople, type OrderPeople, type Who } from '../helpers/orderPeople'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Order messages over REST: only the participants of a thread post in it (reference
 * §3.10), contact details are hidden in the client–writer thread, a refusal writes
 * nothing, and each message queues live events for the thread's other members in its
 * own transaction.
 */

let t: TestContext
let p: OrderPeople

type MessageDoc = { id: number; order: number; thread: string; author: number | null; body: string; masked: boolean; tenant: number }
type LiveEventRow = { tenant: number; payload: { audience: Record<string, number>; event: string; data: Record<string, unknown> } }

beforeAll(async () => {
  t = await startTestPayload()
  p = await orderPeople(t)
})
afterAll(async () => t?.close())

const workingOrder = (changes: Record<string, unknown> = {}) => p.workingOrder({ paymentStatus: 'fully_paid', ...changes })
const opts = (who: Who) => p.as(who)

const post = (who: Who, body: Record<string, unknown>) => t.api.post('/api/order-messages?depth=0', { ...opts(who), body })
const posted = async (who: Who, body: Record<string, unknown>): Promise<MessageDoc> => {
  const res = await post(who, body)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as MessageDoc
}
const threadsSeen = async (who: Who, orderId: number) => {
  const res = await t.api.get(`/api/order-messages?where[order][equals]=${orderId}&limit=100&depth=0&sort=id`, opts(who))
  expect(res.status).toBe(200)
  return [...new Set((res.body.docs as MessageDoc[]).map((d) => d.thread))].sort()
}
const liveEventsOf = async (messageId: number) => {
  const { docs } = await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, sort: 'id', limit: 1000, depth: 0 })
  return (docs as unknown as LiveEventRow[]).filter((row) => row.payload.data.messageId === messageId)
}
const counts = async () => ({
  messages: (await t.payload.count({ collection: 'order-messages' })).totalDocs,
  outbox: (await t.payload.count({ collection: 'outbox' })).totalDocs,
})

describe('who posts in which thread', () => {
  let orderId: number
  beforeAll(async () => {
    orderId = (await workingOrder()).id
  })

  it.each([
    ['client', 'client_support', 201],
    ['client', 'client_writer', 201],
    ['client', 'writer_support', 403],
    ['writer', 'client_writer', 201],
    ['writer', 'writer_support', 201],
    ['writer', 'client_support', 403],
    ['support', 'client_support', 201],
    ['editor', 'client_writer', 201],
    ['admin', 'writer_support', 201],
    // Not their order: it does not exist for them.
    ['writer2', 'client_writer', 404],
    ['client2', 'client_support', 404],
    ['betaClient', 'client_support', 404],
    ['anonymous', 'client_support', 403],
  ] as const)('%s in %s → %i, and a refusal writes nothing', async (who, thread, status) => {
    const before = await counts()
    const res = await post(who, { order: orderId, thread, body: `Hello from ${who}` })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    if (status === 201) {
      expect(res.body.doc).toMatchObject({ order: orderId, thread, author: p.ids[who as keyof typeof p.ids], body: `Hello from ${who}`, masked: false, tenant: p.alphaId })
      return
    }
    expect(await counts()).toEqual(before)
    if (status === 403 && who !== 'anonymous') expect(res.body.errors[0].message).toBe(`thread: you are not a participant of the ${thread} thread of this order.`)
    if (status === 404) expect(res.body.errors[0].message).toBe(`order: there is no order ${orderId} that you can see.`)
  })

  it('names the bad field with 400', async () => {
    const before = await counts()
    const bad = await post('client', { order: orderId, thread: 'gossip', body: '' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'thread'])
    const long = await post('client', { order: orderId, thread: 'client_support', body: 'x'.repeat(5001) })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].data.errors[0]).toMatchObject({ path: 'body', message: 'At most 5000 characters.' })
    expect((await post('client', { thread: 'client_support', body: 'Which order?' })).status).toBe(400)
    expect(await counts()).toEqual(before)
  })

  it('takes the author and the website from the server, never from the body', async () => {
    const doc = await posted('client', { order: orderId, thread: 'client_support', body: 'Mine', author: p.ids.admin, masked: true, tenant: 999 })
    expect(doc).toMatchObject({ author: p.ids.client, masked: false, tenant: p.alphaId })
  })

  it('closes every thread of an archived order with 409, writing nothing', async () => {
    const { id } = await workingOrder({ status: 'archived' })
    const before = await counts()
    for (const who of ['client', 'writer', 'admin'] as const) {
      const res = await post(who, { order: id, thread: 'client_writer', body: 'Anyone there?' })
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toBe('order: the order is archived; its threads are closed.')
    }
    expect(await counts()).toEqual(before)
  })

  it('nobody edits or deletes a message through the API', async () => {
    const doc = await posted('client', { order: orderId, thread: 'client_support', body: 'Final words' })
    for (const who of ['client', 'admin'] as const) {
      expect((await t.api.patch(`/api/order-messages/${doc.id}`, { ...opts(who), body: { body: 'Changed' } })).status).toBe(403)
      expect((await t.api.delete(`/api/order-messages/${doc.id}`, opts(who))).status).toBe(403)
    }
    expect((await t.payload.findByID({ collection: 'order-messages', id: doc.id })).body).toBe('Final words')
  })
})

describe('masking contact details', () => {
  let orderId: number
  beforeAll(async () => {
    orderId = (await workingOrder()).id
  })
  const leak = 'Mail me at john.doe+x@mail.co.uk, call +1 (555) 123-4567 or see www.site.com — page 12, 3 sources, 2024-05-01 deadline'

  it('hides them in the client–writer thread before storing, for whoever writes', async () => {
    for (const who of ['client', 'writer', 'support'] as const) {
      const doc = await posted(who, { order: orderId, thread: 'client_writer', body: leak })
      const stored = await t.payload.findByID({ collection: 'order-messages', id: doc.id, depth: 0 })
      expect(stored).toMatchObject({
        body: 'Mail me at [email hidden], call [phone hidden] or see [link hidden] — page 12, 3 sources, 2024-05-01 deadline',
        masked: true,
      })
    }
  })

  it('leaves them in the support threads', async () => {
    const doc = await posted('client', { order: orderId, thread: 'client_support', body: leak })
    expect(await t.payload.findByID({ collection: 'order-messages', id: doc.id, depth: 0 })).toMatchObject({ body: leak, masked: false })
  })
})

describe('who reads which thread', () => {
  let orderId: number
  beforeAll(async () => {
    orderId = (await workingOrder()).id
    await posted('client', { order: orderId, thread: 'client_support', body: 'To support' })
    await posted('writer', { order: orderId, thread: 'client_writer', body: 'To the client' })
    await posted('writer', { order: orderId, thread: 'writer_support', body: 'To support, from the writer' })
  })

  it('staff read every thread, the client and the writer their own two, others nothing', async () => {
    for (const who of ['admin', 'support', 'editor'] as const) {
      expect(await threadsSeen(who, orderId)).toEqual(['client_support', 'client_writer', 'writer_support'])
    }
    expect(await threadsSeen('client', orderId)).toEqual(['client_support', 'client_writer'])
    expect(await threadsSeen('writer', orderId)).toEqual(['client_writer', 'writer_support'])
    for (const who of ['client2', 'writer2'] as const) expect(await threadsSeen(who, orderId)).toEqual([])
    expect((await t.api.get(`/api/order-messages?where[order][equals]=${orderId}`, opts('anonymous'))).status).toBe(403)
  })

  it('a writer taken off the order no longer reads its threads', async () => {
    await t.payload.update({ collection: 'orders', id: orderId, data: { writer: p.ids.writer2 }, depth: 0 })
    expect(await threadsSeen('writer', orderId)).toEqual([])
    expect(await threadsSeen('writer2', orderId)).toEqual(['client_writer', 'writer_support'])
  })
})

describe('live events', () => {
  let orderId: number
  beforeAll(async () => {
    orderId = (await workingOrder()).id
  })
  const audiencesOf = async (message: MessageDoc) => {
    const rows = await liveEventsOf(message.id)
    for (const row of rows) {
      expect(row.tenant).toBe(p.alphaId)
      expect(row.payload).toMatchObject({ event: 'order.message', data: { orderId, messageId: message.id, thread: message.thread } })
      // Ids only: the text stays behind the messages' access rules.
      expect(JSON.stringify(row.payload)).not.toContain(message.body)
    }
    return rows.map((row) => row.payload.audience)
  }

  it('reach the other members of the thread, in the message’s transaction', async () => {
    const staff = { staffOfTenant: p.alphaId }
    expect(await audiencesOf(await posted('client', { order: orderId, thread: 'client_support', body: 'Question for support' }))).toEqual([staff])
    expect(await audiencesOf(await posted('support', { order: orderId, thread: 'client_support', body: 'Answer from support' }))).toEqual([{ user: p.ids.client }, staff])
    expect(await audiencesOf(await posted('client', { order: orderId, thread: 'client_writer', body: 'Question for the writer' }))).toEqual([{ user: p.ids.writer }])
    expect(await audiencesOf(await posted('writer', { order: orderId, thread: 'client_writer', body: 'Answer to the client' }))).toEqual([{ user: p.ids.client }])
    expect(await audiencesOf(await posted('editor', { order: orderId, thread: 'client_writer', body: 'A note from the editor' }))).toEqual([{ user: p.ids.client }, { user: p.ids.writer }])
    expect(await audiencesOf(await posted('writer', { order: orderId, thread: 'writer_support', body: 'Need more time' }))).toEqual([staff])
    expect(await audiencesOf(await posted('admin', { order: orderId, thread: 'writer_support', body: 'Granted' }))).toEqual([{ user: p.ids.writer }, staff])
  })

  it('a client–writer message before a writer is assigned waits for one, telling nobody', async () => {
    const { id } = await workingOrder({ writer: null, status: 'ready_for_staffing' })
    const message = await posted('client', { order: id, thread: 'client_writer', body: 'For whoever takes this' })
    expect(await liveEventsOf(message.id)).toEqual([])
  })
})
