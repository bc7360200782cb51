import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { isoWeekStart } from '@/domain/writers/evaluation'
import type { WriterLevel } from '@/payload-types'

import { orderPeople, type OrderPeople } from '../helpers/orderPeople'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let people: OrderPeople
let levels: Record<string, WriterLevel>

const HOUR = 3600 * 1000
const DAY = 24 * HOUR
/** A Wednesday: the schedule runs hourly, the week is Monday to Sunday. */
const NOW = new Date('2026-11-25T10:00:00.000Z')

/** An Alpha order of `writer`, finished `daysAgo` before NOW: completed (on time or late) or cancelled. */
const finished = async (writer: number, how: 'on_time' | 'late' | 'cancelled', daysAgo: number, requests: ('revision' | 'dispute')[] = []) => {
  const order = await placeOrderFor(t.payload, people.alphaId, 'client@alpha.test')
  const at = new Date(NOW.getTime() - daysAgo * DAY)
  const deadline = new Date(at.getTime() + (how === 'late' ? -5 * HOUR : 5 * HOUR))
  const changes =
    how === 'cancelled'
      ? { status: 'cancelled', writer, writerDeadline: deadline.toISOString(), timestamps: { cancelledAt: at.toISOString() } }
      : { status: 'completed', writer, writerDeadline: deadline.toISOString(), timestamps: { submittedAt: at.toISOString(), completedAt: new Date(at.getTime() + HOUR).toISOString() } }
  await t.payload.update({ collection: 'orders', id: order.id, data: changes as never, depth: 0 })
  for (const kind of requests) {
    await t.payload.create({ collection: 'order-requests', data: { tenant: people.alphaId, order: order.id, kind, status: kind === 'revision' ? 'done' : 'resolved', reason: 'fixture' } as never, depth: 0 })
  }
}

const levelOf = async (writer: number) => (await t.payload.findByID({ collection: 'users', id: writer, depth: 0 })).writerLevel
const changesOf = async (writer: number) => (await t.payload.find({ collection: 'writer-level-changes', where: { writer: { equals: writer } }, sort: 'createdAt', depth: 0 })).docs
const evaluationsOf = async (writer: number) => (await t.payload.find({ collection: 'writer-evaluations', where: { writer: { equals: writer } }, sort: '-periodStart', depth: 0 })).docs

beforeAll(async () => {
  t = await startTestPayload()
  people = await orderPeople(t)
  const { docs } = await t.payload.find({ collection: 'writer-levels', where: { tenant: { equals: people.alphaId } }, depth: 0 })
  levels = Object.fromEntries(docs.map((level) => [level.code, level]))
  // writer@alpha: Entry, six orders on time in the window (and one outside it, which does not count).
  await t.payload.update({ collection: 'users', id: people.ids.writer!, data: { writerLevel: levels.entry!.id }, depth: 0 })
  for (const daysAgo of [3, 5, 8, 13, 21, 40]) await finished(people.ids.writer!, 'on_time', daysAgo)
  await finished(people.ids.writer!, 'late', 120)
  // writer2@alpha: Senior, but half of their submissions late and one order cancelled.
  await t.payload.update({ collection: 'users', id: people.ids.writer2!, data: { writerLevel: levels.senior!.id }, depth: 0 })
  await finished(people.ids.writer2!, 'on_time', 2, ['revision'])
  await finished(people.ids.writer2!, 'on_time', 4)
  await finished(people.ids.writer2!, 'late', 6, ['dispute'])
  await finished(people.ids.writer2!, 'late', 9)
  await finished(people.ids.writer2!, 'cancelled', 11)
})
afterAll(async () => t?.close())

describe('weekly evaluation (reference §12.2)', () => {
  it('the seeded levels carry promotion and demotion criteria', () => {
    expect(levels.entry!.criteria).toMatchObject({ minCompletedOrders: 0, maxLatenessRate: 1 })
    expect(levels.standard!.criteria).toMatchObject({ minCompositeScore: 70, minCompletedOrders: 5, minCompletionRate: 0.8, minEvaluationPeriods: 1, maxLatenessRate: 0.3 })
    expect(levels.senior!.criteria).toMatchObject({ minCompletedOrders: 15, maxLatenessRate: 0.2, maxCancellationRate: 0.2 })
  })

  it('promotes a writer whose real orders meet the next level’s criteria, with a level-change row naming the metrics', async () => {
    await runSchedule(t.payload, 'writers-evaluation', NOW)
    const writer = people.ids.writer!
    expect(await levelOf(writer)).toBe(levels.standard!.id)

    const [evaluation] = await evaluationsOf(writer)
    expect(evaluation).toMatchObject({ completedOrders: 6, assignedOrders: 6, submittedOrders: 6, completionRate: 1, latenessRate: 0, revisionRate: 0, disputeRate: 0, cancellationRate: 0, averageRating: null, compositeScore: 100, level: levels.entry!.id })
    expect(new Date(evaluation!.periodStart).toISOString()).toBe(isoWeekStart(NOW).toISOString())
    expect(new Date(evaluation!.periodStart).toISOString()).toBe('2026-11-23T00:00:00.000Z')

    const changes = await changesOf(writer)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ from: levels.entry!.id, to: levels.standard!.id, direction: 'promotion', trigger: 'weekly', evaluation: evaluation!.id })
    expect(changes[0]!.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'completedOrders', value: 6, threshold: 5, crossed: 'atLeast' }),
        expect.objectContaining({ metric: 'compositeScore', value: 100, threshold: 70, crossed: 'atLeast' }),
        expect.objectContaining({ metric: 'latenessRate', value: 0, threshold: 0.3, crossed: 'atMost' }),
      ]),
    )
    const told = await t.payload.find({ collection: 'outbox', where: { and: [{ 'payload.audience.user': { equals: writer } }, { 'payload.event': { equals: 'writer.promotion' } }] }, depth: 0 })
    expect(told.totalDocs).toBe(1)
  })

  it('demotes a writer breaching their level’s maxima one level down, saying which metric crossed which threshold', async () => {
    const writer = people.ids.writer2!
    expect(await levelOf(writer)).toBe(levels.standard!.id)
    const [evaluation] = await evaluationsOf(writer)
    // 4 completed, 1 cancelled; 2 of 4 submissions late; 1 of 4 completed revised; 1 of 5 ended disputed.
    expect(evaluation).toMatchObject({ completedOrders: 4, assignedOrders: 5, completionRate: 0.8, latenessRate: 0.5, revisionRate: 0.25, disputeRate: 0.2, cancellationRate: 0.2, level: levels.senior!.id })
    const changes = await changesOf(writer)
    expect(changes).toHaveLength(1)
    expect(changes[0]).toMatchObject({ from: levels.senior!.id, to: levels.standard!.id, direction: 'demotion', trigger: 'weekly' })
    expect(changes[0]!.reasons).toEqual([
      expect.objectContaining({ metric: 'latenessRate', value: 0.5, threshold: 0.2, crossed: 'atMost' }),
      expect.objectContaining({ metric: 'disputeRate', value: 0.2, threshold: 0.1, crossed: 'atMost' }),
    ])
  })

  it('runs once per ISO week: running it again the same week changes nothing', async () => {
    const count = async (collection: 'writer-evaluations' | 'writer-level-changes') => (await t.payload.count({ collection })).totalDocs
    const before = { evaluations: await count('writer-evaluations'), changes: await count('writer-level-changes') }
    // Sunday evening of the same week, twice.
    const sunday = new Date('2026-11-29T22:00:00.000Z')
    expect(await runSchedule(t.payload, 'writers-evaluation', sunday)).toEqual({ done: 0, failed: 0 })
    await runSchedule(t.payload, 'writers-evaluation', sunday)
    expect({ evaluations: await count('writer-evaluations'), changes: await count('writer-level-changes') }).toEqual(before)
    expect(await levelOf(people.ids.writer!)).toBe(levels.standard!.id)
    expect(await levelOf(people.ids.writer2!)).toBe(levels.standard!.id)
  })

  it('the next week is a new snapshot, and a level moves at most one step per week', async () => {
    const nextWeek = new Date(NOW.getTime() + 7 * DAY)
    const result = await runSchedule(t.payload, 'writers-evaluation', nextWeek)
    expect(result).toMatchObject({ done: 2, failed: 0 })
    expect(await evaluationsOf(people.ids.writer!)).toHaveLength(2)
    // Standard → Senior needs 15 completed orders: writer@alpha stays.
    expect(await levelOf(people.ids.writer!)).toBe(levels.standard!.id)
    // writer2 is now a Standard writer; 50 % late breaches Standard's 30 % too: one more step down.
    expect(await levelOf(people.ids.writer2!)).toBe(levels.entry!.id)
    expect((await changesOf(people.ids.writer2!)).map((c) => c.direction)).toEqual(['demotion', 'demotion'])
  })
})

describe('an admin changes a level by hand', () => {
  it('is a level change with trigger admin and the admin, and the writer is told', async () => {
    const writer = people.ids.writer!
    const before = await changesOf(writer)
    const res = await t.api.patch(`/api/users/${writer}`, { ...people.as('admin'), body: { writerLevel: levels.expert!.id } })
    expect(res.status).toBe(200)
    const after = await changesOf(writer)
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toMatchObject({ from: levels.standard!.id, to: levels.expert!.id, direction: 'promotion', trigger: 'admin', changedBy: people.ids.admin, reasons: [] })
    const back = await t.api.patch(`/api/users/${writer}`, { ...people.as('admin'), body: { writerLevel: levels.standard!.id } })
    expect(back.status).toBe(200)
    expect((await changesOf(writer)).at(-1)).toMatchObject({ from: levels.expert!.id, to: levels.standard!.id, direction: 'demotion', trigger: 'admin' })
    // Other edits of the writer write nothing.
    await t.api.patch(`/api/users/${writer}`, { ...people.as('admin'), body: { name: 'Renamed Writer' } })
    expect(await changesOf(writer)).toHaveLength(before.length + 2)
  })
})

describe('who reads evaluations and level changes', () => {
  it('a writer reads their own, not another writer’s; admins and support read the website’s; Beta reads none', async () => {
    const mine = (await evaluationsOf(people.ids.writer!))[0]!
    const theirs = (await evaluationsOf(people.ids.writer2!))[0]!
    const theirChange = (await changesOf(people.ids.writer2!))[0]!
    expect((await t.api.get(`/api/writer-evaluations/${mine.id}`, people.as('writer'))).status).toBe(200)
    expect((await t.api.get(`/api/writer-evaluations/${theirs.id}`, people.as('writer'))).status).toBe(404)
    expect((await t.api.get(`/api/writer-level-changes/${theirChange.id}`, people.as('writer'))).status).toBe(404)
    const listed = await t.api.get('/api/writer-evaluations?limit=100&depth=0', people.as('writer'))
    expect(listed.body.docs.map((d: { writer: number }) => d.writer)).toEqual(expect.arrayContaining([people.ids.writer]))
    expect(listed.body.docs.every((d: { writer: number }) => d.writer === people.ids.writer)).toBe(true)
    expect((await t.api.get(`/api/writer-evaluations/${theirs.id}`, people.as('support'))).status).toBe(200)
    expect((await t.api.get(`/api/writer-level-changes/${theirChange.id}`, people.as('admin'))).status).toBe(200)
    expect((await t.api.get(`/api/writer-evaluations/${theirs.id}`, people.as('client'))).status).toBe(404)
    expect((await t.api.get(`/api/writer-evaluations/${theirs.id}`, people.as('betaClient'))).status).toBe(404)
  })

  it('nobody writes them over the API', async () => {
    const theirs = (await evaluationsOf(people.ids.writer2!))[0]!
    expect((await t.api.patch(`/api/writer-evaluations/${theirs.id}`, { ...people.as('admin'), body: { compositeScore: 1 } })).status).toBe(403)
    expect((await t.api.post('/api/writer-level-changes', { ...people.as('admin'), body: { writer: people.ids.writer, to: levels.expert!.id, direction: 'promotion', trigger: 'admin' } })).status).toBe(403)
  })
})
