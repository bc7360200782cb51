import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { ESSAY } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
const tokens: Record<string, string> = {}
const essay = { ...ESSAY, formattingStyle: 'apa' }

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'client2', 'writer', 'admin', 'support']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: 'alpha.test' })
  }
  tokens.betaWriter = await t.api.login('writer@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
})
afterAll(async () => t?.close())

const place = (who: string, body: Record<string, unknown>) => t.api.post('/api/orders', { host: 'alpha.test', token: tokens[who], body })
const fields = (body: any) => Object.fromEntries((body.errors[0].data.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]))

describe('placing an order', () => {
  it('prices on the server, ignores price and status in the body, and starts pending payment', async () => {
    const before = Date.now()
    const res = await place('client', { ...essay, deadlineHours: 48, total: 1, amountPaid: 7302, status: 'completed', paymentStatus: 'fully_paid' })
    expect(res.status).toBe(201)
    expect(res.body.message).toBeTruthy()
    const doc = res.body.doc
    expect(doc).toMatchObject({ total: 7302, amountPaid: 0, currency: 'USD', status: 'pending_payment', paymentStatus: 'unpaid' })
    // Staffing and the writer's own deadline are the staff's business: not in the client's answer.
    expect(doc).not.toHaveProperty('visibility')
    expect(doc).not.toHaveProperty('writerDeadline')
    expect(doc.number).toMatch(/^ALPHA-\d{5}$/)
    expect(doc.priceSnapshot.lines.at(-1).amount).toBe(7302)
    const stored = await t.payload.findByID({ collection: 'orders', id: doc.id, depth: 0 })
    expect(stored.flags?.firstOrder).toBe(true)
    expect(stored.visibility).toBe('hidden')
    // Writer deadline: created + 80 % of the time to the client deadline.
    const client = new Date(doc.clientDeadline).getTime()
    const writer = new Date(stored.writerDeadline).getTime()
    expect(client - before).toBeGreaterThanOrEqual(48 * 3600 * 1000 - 5000)
    expect(Math.abs(writer - (before + 0.8 * (client - before)))).toBeLessThan(5000)
  })

  it('answers the order at depth 0 unless the request asks for more', async () => {
    const plain = await place('client', { ...essay, deadlineHours: 72 })
    expect(plain.status).toBe(201)
    expect(typeof plain.body.doc.client).toBe('number')
    expect(typeof plain.body.doc.tenant).toBe('number')
    const deeper = await t.api.post('/api/orders?depth=1', { host: 'alpha.test', token: tokens.client, body: { ...essay, deadlineHours: 72 } })
    expect(deeper.status).toBe(201)
    expect(deeper.body.doc.client).toMatchObject({ id: plain.body.doc.client })
    expect(deeper.body.doc.tenant).toMatchObject({ id: plain.body.doc.tenant, slug: 'alpha' })
  })

  it('names every bad field with 400 and writes nothing', async () => {
    const before = await t.payload.count({ collection: 'orders' })
    const res = await place('client', { ...essay, clientDeadline: '2020-01-01T00:00:00Z', paperType: 'poem', formattingStyle: 'klingon' })
    expect(res.status).toBe(400)
    expect(fields(res.body)).toMatchObject({ clientDeadline: 'Must be in the future.', formattingStyle: 'Unknown or inactive option "klingon".' })
    const beyond = await place('client', { ...essay, deadlineHours: 800 })
    expect(fields(beyond.body)).toEqual({ clientDeadline: 'No deadline band covers 800 h (the longest is 720 h).' })
    expect(await t.payload.count({ collection: 'orders' })).toEqual(before)
  })

  it('lets staff place an order for a client of the website, not for anyone else', async () => {
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: 'client2@alpha.test' } } })
    const ok = await place('support', { ...essay, deadlineHours: 72, client: docs[0]!.id })
    expect(ok.status).toBe(201)
    expect(ok.body.doc.client.id ?? ok.body.doc.client).toBe(docs[0]!.id)
    const { docs: beta } = await t.payload.find({ collection: 'users', where: { email: { equals: 'client@beta.test' } } })
    const foreign = await place('support', { ...essay, deadlineHours: 72, client: beta[0]!.id })
    expect(foreign.status).toBe(400)
    expect(fields(foreign.body)).toEqual({ client: 'Must be a client of this website.' })
    expect((await place('writer', { ...essay, deadlineHours: 72 })).status).toBe(403)
  })

  it('refuses an order for another website, before reading anything of it', async () => {
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })
    const betaBefore = await t.payload.findByID({ collection: 'tenants', id: docs[0]!.id })
    const res = await place('client', { ...essay, deadlineHours: 72, tenant: docs[0]!.id })
    expect(res.status).toBe(400)
    expect(fields(res.body)).toEqual({ tenant: 'Place the order on a website you belong to.' })
    const betaAfter = await t.payload.findByID({ collection: 'tenants', id: docs[0]!.id })
    expect(betaAfter.orderSequence).toBe(betaBefore.orderSequence)
    expect((await t.payload.count({ collection: 'orders', where: { tenant: { equals: docs[0]!.id } } })).totalDocs).toBe(0)
  })

  it('gives 50 concurrent orders 50 distinct numbers', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => place('client2', { ...essay, deadlineHours: 96 })))
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true)
    const numbers = results.map((r) => r.body.doc.number as string)
    expect(new Set(numbers).size).toBe(50)
  })
})

describe('who sees which orders', () => {
  it('a client sees only its own orders, staff all of the website, writers no unpaid order', async () => {
    const own = await t.api.get('/api/orders?limit=100&depth=0', { host: 'alpha.test', token: tokens.client })
    const { docs: me } = await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } } })
    expect(own.body.totalDocs).toBeGreaterThan(0)
    expect(own.body.docs.every((d: { client: number }) => d.client === me[0]!.id)).toBe(true)
    const staff = await t.api.get('/api/orders?limit=100&depth=0', { host: 'alpha.test', token: tokens.admin })
    expect(staff.body.totalDocs).toBeGreaterThan(own.body.totalDocs)
    expect((await t.api.get('/api/orders?depth=0', { host: 'alpha.test', token: tokens.writer })).body.totalDocs).toBe(0)
  })

  it('a writer sees the paid pool of its own website only', async () => {
    const { docs } = await t.payload.find({ collection: 'orders', where: { status: { equals: 'pending_payment' } }, limit: 1 })
    await t.payload.update({ collection: 'orders', id: docs[0]!.id, data: { status: 'ready_for_staffing', paymentStatus: 'fully_paid', visibility: 'pool' } })
    const alpha = await t.api.get('/api/orders?depth=0', { host: 'alpha.test', token: tokens.writer })
    expect(alpha.body.docs.map((d: { id: number }) => d.id)).toEqual([docs[0]!.id])
    const beta = await t.api.get('/api/orders?depth=0', { host: 'beta.test', token: tokens.betaWriter })
    expect(beta.body.totalDocs).toBe(0)
  })

  it('nobody changes status, money or number over the API', async () => {
    const { docs } = await t.payload.find({ collection: 'orders', limit: 1, where: { status: { equals: 'pending_payment' } } })
    const order = docs[0]!
    const res = await t.api.patch(`/api/orders/${order.id}`, {
      host: 'alpha.test',
      token: tokens.admin,
      body: { status: 'completed', total: 1, amountPaid: 99999, number: 'X-1', pages: 99, clientDeadline: '2030-01-01T00:00:00Z', topic: 'Renamed by admin' },
    })
    expect(res.status).toBe(200)
    const after = await t.payload.findByID({ collection: 'orders', id: order.id })
    expect(after).toMatchObject({
      status: order.status,
      total: order.total,
      amountPaid: 0,
      number: order.number,
      pages: order.pages,
      clientDeadline: order.clientDeadline,
      topic: 'Renamed by admin',
    })
    // GraphQL is held to the same fields.
    const gql = await t.api.graphql(`mutation($id: Int!) { updateOrder(id: $id, data: { pages: 7, topic: "Via GraphQL" }) { pages topic } }`, {
      host: 'alpha.test',
      token: tokens.admin,
      variables: { id: order.id },
    })
    expect(gql.body.errors).toBeUndefined()
    expect(await t.payload.findByID({ collection: 'orders', id: order.id })).toMatchObject({ pages: order.pages, topic: 'Via GraphQL' })
    expect([403, 404]).toContain((await t.api.delete(`/api/orders/${order.id}`, { host: 'alpha.test', token: tokens.admin })).status)
    expect((await t.payload.count({ collection: 'orders', where: { id: { equals: order.id } } })).totalDocs).toBe(1)
  })
})
