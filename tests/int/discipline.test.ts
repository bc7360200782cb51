import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDay } from '@/domain/writers/discipline'

import { orderPeople, type OrderPeople, type Who } from '../helpers/orderPeople'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let people: OrderPeople

const DAY = 24 * 3600 * 1000

/** A paid Alpha order in the pool, ready to be taken. */
const poolOrder = async () => {
  const order = await placeOrderFor(t.payload, people.alphaId, 'client@alpha.test')
  return t.payload.update({ collection: 'orders', id: order.id, data: { status: 'ready_for_staffing', visibility: 'pool', paymentStatus: 'fully_paid', amountPaid: order.total }, depth: 0 })
}

const issue = (who: Who, body: Record<string, unknown>) => t.api.post('/api/discipline-records', { ...people.as(who), body: { tenant: people.alphaId, ...body } })
const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/discipline-records/${id}/actions/${action}`, { ...people.as(who), body })
const suspended = async (writer: number) => (await t.payload.findByID({ collection: 'users', id: writer, depth: 0 })).suspended
const record = (id: number) => t.payload.findByID({ collection: 'discipline-records', id, depth: 0 })
const blockedReasons = async (who: Who, orderId: number) => {
  const res = await t.api.get(`/api/orders/${orderId}/actions`, people.as(who))
  expect(res.status).toBe(200)
  return Object.fromEntries((res.body.blocked as { action: string; reason: string }[]).map((b) => [b.action, b.reason]))
}

beforeAll(async () => {
  t = await startTestPayload()
  people = await orderPeople(t)
})
afterAll(async () => t?.close())

describe('suspension (reference §12.4)', () => {
  let suspensionId: number
  let endsAt: Date
  let order: { id: number }

  it('an admin suspends a writer until a date: the writer is barred from take, interest and bids, with the reason', async () => {
    order = await poolOrder()
    endsAt = new Date(Date.now() + 7 * DAY)
    const res = await issue('admin', { writer: people.ids.writer, kind: 'suspension', reason: 'Copied two paragraphs without citation.', endsAt: endsAt.toISOString() })
    expect(res.status).toBe(201)
    suspensionId = res.body.doc.id
    expect(res.body.doc).toMatchObject({ status: 'active', kind: 'suspension', issuedBy: expect.anything(), automatic: false })
    expect(await suspended(people.ids.writer!)).toBe(true)

    const expected = `You are suspended until ${formatDay(endsAt)}: Copied two paragraphs without citation.`
    const blocked = await blockedReasons('writer', order.id)
    expect(blocked.take).toBe(expected)
    expect(blocked.showInterest).toBe(expected)
    expect(blocked.bid).toBe(expected)
    expect((await t.api.post(`/api/orders/${order.id}/actions/take`, { ...people.as('writer'), body: {} })).status).toBe(422)

    // Told live.
    const told = await t.payload.find({ collection: 'outbox', where: { and: [{ 'payload.audience.user': { equals: people.ids.writer } }, { 'payload.event': { equals: 'discipline.issued' } }] }, depth: 0 })
    expect(told.totalDocs).toBe(1)
  })

  it('staff assigning the suspended writer are refused with the reason, and suggestions mark them ineligible', async () => {
    const reason = `The writer is suspended until ${formatDay(endsAt)}: Copied two paragraphs without citation.`
    const assign = await t.api.post(`/api/orders/${order.id}/actions/assign`, { ...people.as('admin'), body: { writer: people.ids.writer } })
    expect(assign.status).toBe(422)
    expect(assign.body.errors[0].message).toBe(reason)
    const suggestions = await t.api.get(`/api/orders/${order.id}/writer-suggestions`, people.as('admin'))
    const mine = suggestions.body.suggestions.find((s: { writer: { id: number } }) => s.writer.id === people.ids.writer)
    expect(mine).toMatchObject({ eligible: false })
    expect(mine.reasons[0]).toBe(reason)
  })

  it('the schedule leaves it before its end, lifts it at endsAt, and the writer can take again', async () => {
    await runSchedule(t.payload, 'writers-discipline-expiry', new Date(endsAt.getTime() - 60_000))
    expect((await record(suspensionId)).status).toBe('active')
    expect(await suspended(people.ids.writer!)).toBe(true)

    await runSchedule(t.payload, 'writers-discipline-expiry', new Date(endsAt.getTime() + 60_000))
    expect(await record(suspensionId)).toMatchObject({ status: 'expired', endedAt: expect.any(String) })
    expect(await suspended(people.ids.writer!)).toBe(false)
    expect((await blockedReasons('writer', order.id)).take).toBeUndefined()
    expect((await t.api.post(`/api/orders/${order.id}/actions/take`, { ...people.as('writer'), body: {} })).status).toBe(200)
    const timeline = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'discipline-records' } }, { document: { equals: suspensionId } }] }, depth: 0 })
    expect(timeline.docs.map((e) => e.action)).toEqual(['expire'])
  })

  it('a suspension or probation needs an end date; a blacklist has none', async () => {
    const noEnd = await issue('admin', { writer: people.ids.writer2, kind: 'suspension', reason: 'No end' })
    expect(noEnd.status).toBe(400)
    expect(JSON.stringify(noEnd.body)).toContain('endsAt')
    const blacklistWithEnd = await issue('admin', { writer: people.ids.writer2, kind: 'blacklist', reason: 'With end', endsAt: new Date(Date.now() + DAY).toISOString() })
    expect(blacklistWithEnd.status).toBe(400)
    expect(await suspended(people.ids.writer2!)).toBe(false)
  })
})

describe('blacklist', () => {
  it('is never lifted by the schedule; an admin lifts it with a reason, which clears the flag', async () => {
    const res = await issue('admin', { writer: people.ids.writer2, kind: 'blacklist', reason: 'Sold client papers elsewhere.' })
    expect(res.status).toBe(201)
    const order = await poolOrder()
    expect((await blockedReasons('writer2', order.id)).take).toBe('You are blacklisted on this website.')

    await runSchedule(t.payload, 'writers-discipline-expiry', new Date(Date.now() + 3650 * DAY))
    expect((await record(res.body.doc.id)).status).toBe('active')
    expect(await suspended(people.ids.writer2!)).toBe(true)

    expect((await act('admin', res.body.doc.id, 'lift', {})).status).toBe(400)
    expect((await act('support', res.body.doc.id, 'lift', { reason: 'Support cannot' })).status).toBe(403)
    expect((await act('writer2', res.body.doc.id, 'lift', { reason: 'Mine' })).status).toBe(403)
    const lifted = await act('admin', res.body.doc.id, 'lift', { reason: 'The papers were the writer’s own.' })
    expect(lifted.status).toBe(200)
    expect(lifted.body.doc).toMatchObject({ status: 'lifted', liftedBy: people.ids.admin, liftedReason: 'The papers were the writer’s own.' })
    expect(await suspended(people.ids.writer2!)).toBe(false)
  })
})

describe('escalation', () => {
  it('warnings put a writer on probation at the website’s count; probation does not bar work', async () => {
    // The seed's warning of writer2 may have expired with a far-future schedule run above: count what is active.
    const active = (await t.payload.count({ collection: 'discipline-records', where: { and: [{ writer: { equals: people.ids.writer2 } }, { kind: { equals: 'warning' } }, { status: { equals: 'active' } }] } })).totalDocs
    for (let i = active; i < 4; i++) expect((await issue('admin', { writer: people.ids.writer2, kind: 'warning', reason: `Warning ${i}` })).status).toBe(201)
    expect(await t.payload.count({ collection: 'discipline-records', where: { and: [{ writer: { equals: people.ids.writer2 } }, { kind: { equals: 'probation' } }] } })).toMatchObject({ totalDocs: 0 })
    expect((await issue('admin', { writer: people.ids.writer2, kind: 'warning', reason: 'The fifth' })).status).toBe(201)
    const { docs } = await t.payload.find({ collection: 'discipline-records', where: { and: [{ writer: { equals: people.ids.writer2 } }, { kind: { equals: 'probation' } }] }, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ status: 'active', automatic: true, issuedBy: null })
    expect(new Date(docs[0]!.endsAt!).getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
    expect(await suspended(people.ids.writer2!)).toBe(false)
  })

  it('an automatic suspension at N active strikes; another suspension keeps the flag when one ends; a blacklist at the lifetime count', async () => {
    const writer = people.ids.writer!
    const strike = (i: number) => issue('admin', { writer, kind: 'strike', reason: `Strike ${i}` })
    for (let i = 1; i <= 4; i++) expect((await strike(i)).status).toBe(201)
    expect(await suspended(writer)).toBe(false)
    expect((await strike(5)).status).toBe(201)
    expect(await suspended(writer)).toBe(true)
    const auto = (await t.payload.find({ collection: 'discipline-records', where: { and: [{ writer: { equals: writer } }, { kind: { equals: 'suspension' } }, { status: { equals: 'active' } }] }, depth: 0 })).docs
    expect(auto).toHaveLength(1)
    expect(auto[0]).toMatchObject({ automatic: true, reason: '5 active strikes (the website suspends at 5).' })
    const autoEnd = new Date(auto[0]!.endsAt!)
    expect(Math.abs(autoEnd.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000)

    // A longer manual suspension on top: the automatic one's end does not clear the flag.
    const longer = await issue('admin', { writer, kind: 'suspension', reason: 'Under review.', endsAt: new Date(Date.now() + 30 * DAY).toISOString() })
    expect(longer.status).toBe(201)
    await runSchedule(t.payload, 'writers-discipline-expiry', new Date(autoEnd.getTime() + 60_000))
    expect((await record(auto[0]!.id)).status).toBe('expired')
    expect(await suspended(writer)).toBe(true)

    // The website blacklists at 7 strikes in total.
    const tenant = await t.payload.findByID({ collection: 'tenants', id: people.alphaId, depth: 0 })
    await t.payload.update({ collection: 'tenants', id: people.alphaId, data: { settings: { ...tenant.settings, discipline: { ...tenant.settings?.discipline, autoBlacklistOnStrikes: 7 } } }, depth: 0 })
    expect((await strike(6)).status).toBe(201)
    expect((await t.payload.count({ collection: 'discipline-records', where: { and: [{ writer: { equals: writer } }, { kind: { equals: 'blacklist' } }] } })).totalDocs).toBe(0)
    expect((await strike(7)).status).toBe(201)
    const blacklist = (await t.payload.find({ collection: 'discipline-records', where: { and: [{ writer: { equals: writer } }, { kind: { equals: 'blacklist' } }] }, depth: 0 })).docs
    expect(blacklist).toHaveLength(1)
    expect(blacklist[0]).toMatchObject({ status: 'active', automatic: true, endsAt: null })

    // Every end passes: the blacklist stays, and so does the flag.
    await runSchedule(t.payload, 'writers-discipline-expiry', new Date(Date.now() + 3650 * DAY))
    expect((await record(longer.body.doc.id)).status).toBe('expired')
    expect(await suspended(writer)).toBe(true)
  })
})

describe('who issues and reads discipline records', () => {
  it('only admins issue; a writer reads their own records and not another writer’s; support reads the website’s; Beta reads none', async () => {
    expect((await issue('writer', { writer: people.ids.writer2, kind: 'warning', reason: 'From a writer' })).status).toBe(403)
    expect((await issue('support', { writer: people.ids.writer2, kind: 'warning', reason: 'From support' })).status).toBe(403)
    expect((await issue('admin', { writer: people.ids.client, kind: 'warning', reason: 'Not a writer' })).status).toBe(400)

    const { docs } = await t.payload.find({ collection: 'discipline-records', where: { writer: { equals: people.ids.writer2 } }, limit: 1, depth: 0 })
    const theirs = docs[0]!.id
    expect((await t.api.get(`/api/discipline-records/${theirs}`, people.as('writer2'))).status).toBe(200)
    expect((await t.api.get(`/api/discipline-records/${theirs}`, people.as('writer'))).status).toBe(404)
    expect((await t.api.get(`/api/discipline-records/${theirs}/actions`, people.as('writer'))).status).toBe(404)
    const listed = await t.api.get('/api/discipline-records?limit=100&depth=0', people.as('writer'))
    expect(listed.body.docs.length).toBeGreaterThan(0)
    expect(listed.body.docs.every((d: { writer: number }) => d.writer === people.ids.writer)).toBe(true)
    expect((await t.api.get(`/api/discipline-records/${theirs}`, people.as('support'))).status).toBe(200)
    expect((await t.api.get(`/api/discipline-records/${theirs}`, people.as('client'))).status).toBe(404)
    expect((await t.api.get(`/api/discipline-records/${theirs}`, people.as('betaClient'))).status).toBe(404)
    expect((await t.api.patch(`/api/discipline-records/${theirs}`, { ...people.as('admin'), body: { reason: 'Edited' } })).status).toBe(403)
  })
})
