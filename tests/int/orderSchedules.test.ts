import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Dispatcher } from '@/jobs/dispatcher'
import { SCHEDULES } from '@/jobs/schedules'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { eventsOf, workflowClient } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const HOUR = 3600 * 1000
const DAY = 24 * HOUR

/** Runs one schedule as the runtime would, at the given time. */
const runAt = async (id: string, now: Date) => {
  const schedule = SCHEDULES.find((s) => s.id === id)
  if (!schedule) throw new Error(`no schedule ${id}`)
  return schedule.run({ payload: t.payload, dispatcher: {} as Dispatcher, now }) as Promise<{ done: number }>
}

const kinds = async (orderId: number) => (await eventsOf(t.payload, orderId)).map((e) => e.action)

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'writer', 'writer2', 'admin', 'editor']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: 'alpha.test' })
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })
    ids[who] = docs[0]!.id
  }
  const { docs: expert } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: 1 } }, { code: { equals: 'expert' } }] }, depth: 0, limit: 1 })
  await t.payload.update({ collection: 'users', id: ids.writer!, data: { writerLevel: expert[0]!.id }, depth: 0 })
  w = workflowClient(t.api, 'alpha.test', tokens)
})
afterAll(async () => t?.close())

/** Taken by the writer; as stored (the writer's answer leaves out the schedules' bookkeeping). */
const inProgress = async () => {
  const order = await w.place('client')
  await w.must('admin', order.id, 'markPaid')
  await w.must('writer', order.id, 'take')
  return t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
}

const completed = async () => {
  const order = await inProgress()
  await w.must('writer', order.id, 'submit')
  await w.must('editor', order.id, 'editorApprove')
  return w.must('client', order.id, 'complete')
}

describe('order schedules on a controlled clock', () => {
  it('every order job is in the one schedule list', () => {
    expect(SCHEDULES.map((s) => s.id)).toEqual(
      expect.arrayContaining(['orders-invitation-expiry', 'orders-deadline-reminders', 'orders-acknowledgement-reminders', 'orders-overdue-escalation', 'orders-stuck-detection', 'orders-auto-approve', 'orders-auto-archive']),
    )
  })

  it('an unanswered invitation falls back to the pool after 24 h, once', async () => {
    const order = await w.place('client', { preferredWriter: ids.writer2 })
    const paid = await w.must('admin', order.id, 'markPaid')
    const invitedAt = new Date(paid.invitedAt!).getTime()
    await runAt('orders-invitation-expiry', new Date(invitedAt + 23 * HOUR))
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).visibility).toBe('preferred_writer_only')
    await runAt('orders-invitation-expiry', new Date(invitedAt + 25 * HOUR))
    await runAt('orders-invitation-expiry', new Date(invitedAt + 26 * HOUR))
    expect(await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).toMatchObject({ visibility: 'pool', preferredWriterStatus: 'expired' })
    const expiry = (await eventsOf(t.payload, order.id)).filter((e) => e.action === 'expireInvitation')
    expect(expiry).toHaveLength(1)
    expect(expiry[0]!.actor).toBeNull()
    // The pool is open to everyone now.
    expect((await w.must('writer', order.id, 'take')).writer).toBe(ids.writer)
  })

  it('reminds the writer 24 h, 6 h and 1 h before the writer deadline, each once', async () => {
    const order = await inProgress()
    const deadline = new Date(order.writerDeadline).getTime()
    for (const [hoursLeft, expected] of [[30, 0], [23, 1], [22, 1], [5, 2], [4, 2], [0.5, 3], [0.25, 3]] as const) {
      await runAt('orders-deadline-reminders', new Date(deadline - hoursLeft * HOUR))
      expect((await kinds(order.id)).filter((k) => k === 'deadlineReminder')).toHaveLength(expected)
    }
    const events = (await eventsOf(t.payload, order.id)).filter((e) => e.action === 'deadlineReminder')
    expect(events.map((e) => (e.metadata as { hoursLeft: number }).hoursLeft)).toEqual([24, 6, 1])
    const told = await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'live.event' } }, { 'payload.event': { equals: 'order.deadline_approaching' } }] }, depth: 0 })
    expect(told.docs.filter((r) => (r.payload as { data: { orderId: number } }).data.orderId === order.id)).toHaveLength(3)
  })

  it('reminds a writer who has not acknowledged the assignment 2 h later, once per assignment', async () => {
    const order = await inProgress()
    const assignedAt = new Date(order.timestamps!.assignedAt!).getTime()
    for (const [hours, expected] of [[1.5, 0], [2.5, 1], [5, 1]] as const) {
      await runAt('orders-acknowledgement-reminders', new Date(assignedAt + hours * HOUR))
      expect((await kinds(order.id)).filter((k) => k === 'acknowledgementReminder')).toHaveLength(expected)
    }
    const told = await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'live.event' } }, { 'payload.event': { equals: 'order.writer_acknowledgement_reminder' } }] }, depth: 0 })
    expect(told.docs.filter((r) => (r.payload as { data: { orderId: number } }).data.orderId === order.id)).toHaveLength(1)
    // Acknowledged in time: no reminder.
    const other = await inProgress()
    await w.must('writer', other.id, 'acknowledge')
    await runAt('orders-acknowledgement-reminders', new Date(new Date(other.timestamps!.assignedAt!).getTime() + 3 * HOUR))
    expect((await kinds(other.id)).filter((k) => k === 'acknowledgementReminder')).toHaveLength(0)
  })

  it('escalates an overdue order to staff, at most once every 4 h', async () => {
    const order = await inProgress()
    const deadline = new Date(order.writerDeadline).getTime()
    for (const [hoursLate, expected] of [[-1, 0], [1, 1], [3, 1], [4.5, 1], [5.5, 2], [6, 2]] as const) {
      await runAt('orders-overdue-escalation', new Date(deadline + hoursLate * HOUR))
      expect((await kinds(order.id)).filter((k) => k === 'overdue')).toHaveLength(expected)
    }
  })

  it('reports an order in progress with no activity for 8 h, once', async () => {
    const order = await inProgress()
    const quiet = new Date(order.monitoring!.lastActivityAt!).getTime()
    for (const [hours, expected] of [[7, 0], [8.5, 1], [12, 1], [30, 1]] as const) {
      await runAt('orders-stuck-detection', new Date(quiet + hours * HOUR))
      expect((await kinds(order.id)).filter((k) => k === 'stuck')).toHaveLength(expected)
    }
    // The finding is not activity: the order still looks quiet since the same moment.
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).monitoring?.lastActivityAt).toBe(order.monitoring!.lastActivityAt)
  })

  it('approves a completed order 14 days after completion, once (the reference never did)', async () => {
    const order = await completed()
    const done = new Date(order.timestamps!.completedAt!).getTime()
    await runAt('orders-auto-approve', new Date(done + 13 * DAY))
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).timestamps?.approvedAt).toBeFalsy()
    await runAt('orders-auto-approve', new Date(done + 14 * DAY + HOUR))
    await runAt('orders-auto-approve', new Date(done + 15 * DAY))
    const after = await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })
    expect(after.status).toBe('completed')
    expect(after.timestamps?.approvedAt).toBeTruthy()
    expect((await kinds(order.id)).filter((k) => k === 'approve')).toHaveLength(1)
  })

  it('archives a completed order 30 days after completion, once, but not one with a pending revision', async () => {
    const order = await completed()
    const revised = await completed()
    await w.must('client', revised.id, 'requestRevision', { reason: 'More sources.' })
    const done = new Date(order.timestamps!.completedAt!).getTime()
    await runAt('orders-auto-archive', new Date(done + 29 * DAY))
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('completed')
    await runAt('orders-auto-archive', new Date(done + 31 * DAY))
    await runAt('orders-auto-archive', new Date(done + 32 * DAY))
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('archived')
    expect((await kinds(order.id)).filter((k) => k === 'archive')).toHaveLength(1)
    expect((await t.payload.findByID({ collection: 'orders', id: revised.id, depth: 0 })).status).toBe('revision_requested')
  })
})
