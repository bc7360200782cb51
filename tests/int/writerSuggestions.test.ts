import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { orderPeople, type OrderPeople } from '../helpers/orderPeople'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let people: OrderPeople
let betaAdmin: string
let target: { id: number; writerDeadline: string }
let tinyLevel: number

const HOUR = 3600 * 1000
const suggestions = (orderId: number, as: { host: string; token: string | undefined }) => t.api.get(`/api/orders/${orderId}/writer-suggestions`, as)

/** An Alpha order with `changes` written straight to it (history the ranking reads). */
const orderWith = async (changes: Record<string, unknown>) => {
  const order = await placeOrderFor(t.payload, people.alphaId, 'client@alpha.test')
  return t.payload.update({ collection: 'orders', id: order.id, data: changes, depth: 0 })
}
const delivered = (writer: number, hoursBeforeDeadline: number) => {
  const deadline = new Date(Date.now() - 24 * HOUR)
  return orderWith({ status: 'completed', writer, writerDeadline: deadline.toISOString(), timestamps: { submittedAt: new Date(deadline.getTime() - hoursBeforeDeadline * HOUR).toISOString() } })
}
const newWriter = (name: string, changes: Record<string, unknown> = {}) =>
  t.payload.create({
    collection: 'users',
    data: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@alpha.test`, password: DEMO_PASSWORD, roles: ['writer'], tenants: [{ tenant: people.alphaId }], ...changes },
    depth: 0,
  })

beforeAll(async () => {
  t = await startTestPayload()
  people = await orderPeople(t)
  betaAdmin = await t.api.login('admin@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
  const placed = await orderWith({ status: 'ready_for_staffing', visibility: 'pool', paymentStatus: 'fully_paid' })
  target = { id: placed.id, writerDeadline: placed.writerDeadline }
  tinyLevel = (await t.payload.create({ collection: 'writer-levels', data: { tenant: people.alphaId, code: 'tiny', name: 'Tiny', maxActiveOrders: 2 } as never, depth: 0 })).id
  // writer: three delivered, two by the deadline; writer2: at the tiny level's limit of two.
  await delivered(people.ids.writer!, 2)
  await delivered(people.ids.writer!, 1)
  await delivered(people.ids.writer!, -3)
  await t.payload.update({ collection: 'users', id: people.ids.writer2!, data: { writerLevel: tinyLevel }, depth: 0 })
  await orderWith({ status: 'in_progress', writer: people.ids.writer2 })
  await orderWith({ status: 'on_hold', writer: people.ids.writer2 })
  await newWriter('Suspended Sam', { suspended: true })
})
afterAll(async () => t?.close())

describe('GET /api/orders/:id/writer-suggestions', () => {
  it("ranks the website's writers: eligible first, with load against their level's limit, on-time rate and the reasons", async () => {
    const res = await suggestions(target.id, people.as('admin'))
    expect(res.status).toBe(200)
    expect(res.body.order).toMatchObject({ id: target.id, writerDeadline: new Date(target.writerDeadline).toISOString() })
    expect(res.body.order.hoursLeft).toBe(Math.round((new Date(target.writerDeadline).getTime() - Date.now()) / HOUR))
    expect(res.body.order.deadline).toMatch(/^The writer deadline is in \d+ h/)

    const list = res.body.suggestions as { writer: { id: number; name: string; email: string }; eligible: boolean; load: { active: number; limit: number }; onTimeRate: number | null; reasons: string[] }[]
    const emails = list.map((s) => s.writer.email)
    // Alpha's writers only: Beta's writer is no candidate.
    expect(emails.every((email) => email.endsWith('@alpha.test'))).toBe(true)
    expect(list[0]).toMatchObject({ writer: { id: people.ids.writer, name: 'Alpha Essays Writer', email: 'writer@alpha.test' }, eligible: true, load: { active: 0 } })
    expect(list[0]!.onTimeRate).toBeCloseTo(2 / 3)
    expect(list[0]!.reasons).toContain('On time for 2 of 3 delivered orders (67 %).')

    const busy = list.find((s) => s.writer.id === people.ids.writer2)!
    expect(busy).toMatchObject({ eligible: false, load: { active: 2, limit: 2 }, onTimeRate: null })
    expect(busy.reasons[0]).toBe('The writer already has 2 active orders; the level allows 2.')
    const suspended = list.find((s) => s.writer.name === 'Suspended Sam')!
    expect(suspended).toMatchObject({ eligible: false })
    expect(suspended.reasons[0]).toBe('The writer account is suspended.')
    expect(list.slice(0, list.filter((s) => s.eligible).length).every((s) => s.eligible)).toBe(true)
  })

  it('promises nothing the assign action refuses: an ineligible suggestion is refused with the same reason', async () => {
    const res = await t.api.post(`/api/orders/${target.id}/actions/assign`, { ...people.as('admin'), body: { writer: people.ids.writer2 } })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].message).toBe('The writer already has 2 active orders; the level allows 2.')
  })

  it('reads a fixed number of statements however many writers the website has', async () => {
    const pool = (t.payload.db as unknown as { pool: Pool }).pool
    const count = async () => {
      // Warmed first: the session's activity reaches the database at most once a minute and
      // the websites' session settings are cached for 30 s; neither is this endpoint's reading.
      await suggestions(target.id, people.as('admin'))
      const query = pool.query.bind(pool)
      let statements = 0
      pool.query = ((...args: Parameters<Pool['query']>) => {
        statements += 1
        return query(...args)
      }) as Pool['query']
      try {
        expect((await suggestions(target.id, people.as('admin'))).status).toBe(200)
      } finally {
        pool.query = query
      }
      return statements
    }
    const before = await count()
    for (const name of ['Extra One', 'Extra Two', 'Extra Three']) {
      const writer = await newWriter(name)
      await delivered(writer.id, 1)
    }
    const after = await count()
    expect(before).toBeGreaterThan(0)
    expect(after).toBe(before)
    expect((await suggestions(target.id, people.as('admin'))).body.suggestions).toHaveLength(6)
  })

  it('admins of the website only: 403 for its other roles, 404 where the order is not visible', async () => {
    // The order is in the paid pool: the website's writers see it too.
    for (const who of ['support', 'editor', 'client', 'writer2'] as const) expect((await suggestions(target.id, people.as(who))).status).toBe(403)
    expect((await suggestions(target.id, people.as('client2'))).status).toBe(404)
    expect((await suggestions(target.id, { host: 'beta.test', token: betaAdmin })).status).toBe(404)
    expect((await suggestions(target.id, { host: 'alpha.test', token: undefined })).status).toBe(401)
  })
})
