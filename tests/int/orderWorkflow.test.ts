import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { applyPayment } from '@/operations/orders/applyPayment'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { eventsOf, workflowClient } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
const tokens: Record<string, string> = {}
const ids: Record<string, number> = {}
const DAY = 24 * 3600 * 1000

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'client2', 'writer', 'writer2', 'admin', 'support', 'editor']) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: 'alpha.test' })
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })
    ids[who] = docs[0]!.id
  }
  tokens.betaWriter = await t.api.login('writer@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
  // The main writer takes many orders here: the Expert level allows 15 at once.
  const { docs: expert } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: 1 } }, { code: { equals: 'expert' } }] }, depth: 0 })
  await t.payload.update({ collection: 'users', id: ids.writer!, data: { writerLevel: expert[0]!.id }, depth: 0 })
  w = workflowClient(t.api, 'alpha.test', tokens)
})
afterAll(async () => t?.close())

describe('an order from payment to approval', () => {
  it('goes through the pool, an interest, assignment, editing, delivery, completion and approval, one event per step', async () => {
    const order = await w.place('client')
    expect(order.status).toBe('pending_payment')
    // Nothing to do for a writer before payment: the order is not even visible.
    expect((await w.act('writer', order.id, 'showInterest')).status).toBe(404)

    const paid = await w.must('admin', order.id, 'markPaid')
    expect(paid).toMatchObject({ status: 'ready_for_staffing', paymentStatus: 'fully_paid', amountPaid: order.total, visibility: 'pool' })

    await w.must('writer', order.id, 'showInterest', { message: 'I know this period well.' })
    expect((await w.act('writer', order.id, 'showInterest')).status).toBe(422)
    await w.must('writer2', order.id, 'bid')
    const assigned = await w.must('admin', order.id, 'assign', { writer: ids.writer })
    expect(assigned).toMatchObject({ status: 'in_progress', writer: ids.writer, visibility: 'hidden' })
    const interests = await t.payload.find({ collection: 'order-interests', where: { order: { equals: order.id } }, depth: 0, sort: 'createdAt' })
    expect(interests.docs.map((i) => i.status)).toEqual(['accepted', 'superseded'])
    const assignments = await t.payload.find({ collection: 'order-assignments', where: { order: { equals: order.id } }, depth: 0 })
    expect(assignments.docs).toMatchObject([{ writer: ids.writer, source: 'accepted_interest', isCurrent: true }])

    // Ten days to the deadline and editing on by default: the submission goes to an editor.
    expect((await w.act('writer2', order.id, 'submit')).status).toBe(404)
    expect((await w.must('writer', order.id, 'submit')).status).toBe('under_editing')
    expect((await w.must('editor', order.id, 'editorApprove', { note: 'Clean.' })).status).toBe('submitted')
    expect((await w.must('client', order.id, 'complete')).status).toBe('completed')
    const approved = await w.must('client', order.id, 'approve')
    expect(approved.status).toBe('completed')
    expect(approved.timestamps?.approvedAt).toBeTruthy()
    // Approval closes the revision window.
    const late = await w.act('client', order.id, 'requestRevision', { reason: 'One more thing.' })
    expect(late.status).toBe(422)
    expect(late.body.errors[0].message).toMatch(/approved/)

    const events = await eventsOf(t.payload, order.id)
    expect(events.map((e) => `${e.action}:${e.from}>${e.to}`)).toEqual([
      'markPaid:pending_payment>ready_for_staffing',
      'showInterest:ready_for_staffing>ready_for_staffing',
      'bid:ready_for_staffing>ready_for_staffing',
      'assign:ready_for_staffing>in_progress',
      'submit:in_progress>under_editing',
      'editorApprove:under_editing>submitted',
      'complete:submitted>completed',
      'approve:completed>completed',
    ])
    expect(events.find((e) => e.action === 'assign')!.actor).toBe(ids.admin)
  })

  it('lists what the caller can do now and what a rule holds back', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const writer = await w.actions('writer', order.id)
    expect(writer.status).toBe(200)
    expect(writer.body.available.map((a: { action: string }) => a.action).sort()).toEqual(['bid', 'showInterest', 'take'])
    expect(writer.body.available.find((a: { action: string }) => a.action === 'bid')).toEqual({ action: 'bid', label: 'Bid', money: false, input: { type: 'object', properties: { message: { type: 'string', maxLength: 2000 } } } })
    const admin = await w.actions('admin', order.id)
    expect(admin.body.available.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['assign', 'cancel']))
    expect(admin.body.available.find((a: { action: string }) => a.action === 'assign').input).toMatchObject({ properties: { writer: { type: 'integer' }, direct: { type: 'boolean' } }, required: ['writer'] })
    expect(admin.body.blocked).toEqual(expect.arrayContaining([{ action: 'routeToPool', label: 'Send to the pool', reason: 'The order is already in the pool.' }]))
    expect((await w.actions('betaWriter', order.id)).status).toBe(404)
  })

  it('honours Idempotency-Key on money actions: a replay gets the first answer, the order is paid once', async () => {
    const order = await w.place('client')
    const once = { host: 'alpha.test', token: tokens.admin, body: {}, headers: { 'idempotency-key': `mark-paid-${order.id}` } }
    const [first, replay] = [await t.api.post(`/api/orders/${order.id}/actions/markPaid`, once), await t.api.post(`/api/orders/${order.id}/actions/markPaid`, once)]
    expect(first.status).toBe(200)
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual(first.body)
    expect((await eventsOf(t.payload, order.id)).filter((e) => e.action === 'markPaid')).toHaveLength(1)
    // Without the key the same call is a fresh attempt: the status rules it out now.
    expect((await w.act('admin', order.id, 'markPaid')).status).toBe(409)
  })

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const order = await w.place('client')
    const res = await w.act('admin', order.id, 'cancel', { reason: '   ' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([{ path: 'reason', message: 'Required: say why.' }])
    const unknown = await w.act('client', order.id, 'teleport')
    expect(unknown.status).toBe(404)
    expect(await eventsOf(t.payload, order.id)).toEqual([])
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('pending_payment')
  })
})

describe('payments against an order', () => {
  it('applies partial payments, staffs the order only when fully paid, and never takes more than is owed', async () => {
    const order = await w.place('client')
    const req = await createLocalReq({}, t.payload)
    const half = Math.floor(order.total / 2)
    const first = await applyPayment(req, order.id, half, { source: 'manual' })
    expect(first.doc).toMatchObject({ status: 'pending_payment', paymentStatus: 'partially_paid', amountPaid: half, visibility: 'hidden' })
    await expect(applyPayment(await createLocalReq({}, t.payload), order.id, order.total, { source: 'manual' })).rejects.toMatchObject({ status: 422 })
    const rest = await applyPayment(await createLocalReq({}, t.payload), order.id, order.total - half, { source: 'stripe', reference: 'pi_test' })
    expect(rest.doc).toMatchObject({ status: 'ready_for_staffing', paymentStatus: 'fully_paid', amountPaid: order.total, visibility: 'pool' })
    expect(rest.event).toMatchObject({ action: 'paymentApplied', from: 'pending_payment', to: 'ready_for_staffing', metadata: { amount: order.total - half, source: 'stripe', reference: 'pi_test' } })
    expect((await w.act('admin', order.id, 'markPaid')).status).toBe(409)
  })
})

describe('staffing', () => {
  it('gives a pool order to exactly one of ten writers taking it at once', async () => {
    const writers: string[] = []
    for (let i = 0; i < 10; i += 1) {
      const email = `taker${i}@alpha.test`
      await t.payload.create({ collection: 'users', data: { email, name: `Taker ${i}`, password: DEMO_PASSWORD, roles: ['writer'], tenants: [{ tenant: 1 }] } as never, depth: 0 })
      tokens[`taker${i}`] = await t.api.login(email, DEMO_PASSWORD, { host: 'alpha.test' })
      writers.push(`taker${i}`)
    }
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const results = await Promise.all(writers.map((who) => w.act(who, order.id, 'take')))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    // The others find it taken (409) or already gone from their view (404).
    expect(statuses.every((s) => [200, 404, 409].includes(s))).toBe(true)
    const assignments = await t.payload.find({ collection: 'order-assignments', where: { order: { equals: order.id } }, depth: 0 })
    expect(assignments.totalDocs).toBe(1)
    expect((await eventsOf(t.payload, order.id)).filter((e) => e.action === 'take')).toHaveLength(1)
  })

  it('never shows a Beta writer the pool of Alpha', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const alphaPool = await t.api.get('/api/orders?where[status][equals]=ready_for_staffing&limit=100&depth=0', { host: 'alpha.test', token: tokens.writer })
    expect(alphaPool.body.docs.map((d: { id: number }) => d.id)).toContain(order.id)
    const betaPool = await t.api.get('/api/orders?limit=100&depth=0', { host: 'beta.test', token: tokens.betaWriter })
    expect(betaPool.body.docs.every((d: { tenant: number }) => d.tenant !== order.tenant)).toBe(true)
    expect((await t.api.get(`/api/orders/${order.id}`, { host: 'beta.test', token: tokens.betaWriter })).status).toBe(404)
    expect((await t.api.post(`/api/orders/${order.id}/actions/take`, { host: 'beta.test', token: tokens.betaWriter })).status).toBe(404)
  })

  it('invites the preferred writer first; others cannot see the order until it falls back to the pool', async () => {
    const order = await w.place('client', { preferredWriter: ids.writer2 })
    const paid = await w.must('admin', order.id, 'markPaid')
    expect(paid).toMatchObject({ visibility: 'preferred_writer_only', preferredWriterStatus: 'invited' })
    expect((await w.act('writer', order.id, 'take')).status).toBe(404)
    const declined = await w.must('writer2', order.id, 'declineInvitation')
    expect(declined).toMatchObject({ visibility: 'pool', preferredWriterStatus: 'declined' })
    expect((await w.must('writer', order.id, 'take')).writer).toBe(ids.writer)
  })

  it('lets an admin invite the preferred writer again after a decline', async () => {
    const order = await w.place('client', { preferredWriter: ids.writer2 })
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer2', order.id, 'declineInvitation')
    const again = await w.must('admin', order.id, 'invitePreferred')
    expect(again).toMatchObject({ visibility: 'preferred_writer_only', preferredWriterStatus: 'invited' })
    expect((await w.act('admin', order.id, 'invitePreferred')).status).toBe(422)
    expect((await w.must('writer2', order.id, 'acceptInvitation'))).toMatchObject({ status: 'in_progress', writer: ids.writer2, preferredWriterStatus: 'accepted' })
    const plain = await w.place('client')
    await w.must('admin', plain.id, 'markPaid')
    const none = await w.act('admin', plain.id, 'invitePreferred')
    expect(none.body.errors[0].message).toBe('The client named no preferred writer.')
  })

  it('asks a directly assigned writer to accept; a rejection puts the order back in the pool', async () => {
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const pending = await w.must('admin', order.id, 'assign', { writer: ids.writer2, direct: true })
    expect(pending).toMatchObject({ status: 'pending_writer_acceptance', pendingWriter: ids.writer2, writer: null })
    expect((await w.act('writer', order.id, 'acceptAssignment')).status).toBe(404)
    const rejected = await w.must('writer2', order.id, 'rejectAssignment', { reason: 'Too busy.' })
    expect(rejected).toMatchObject({ status: 'ready_for_staffing', visibility: 'pool', pendingWriter: null })
    await w.must('admin', order.id, 'assign', { writer: ids.writer2, direct: true })
    expect((await w.must('writer2', order.id, 'acceptAssignment')).status).toBe('in_progress')
  })

  it('refuses a writer over their level\'s active-order limit, and a suspended writer', async () => {
    const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: 'taker0@alpha.test' } }, depth: 0 })
    const taker = docs[0]!.id
    await t.payload.update({ collection: 'users', id: taker, data: { suspended: true }, depth: 0 })
    const order = await w.place('client')
    await w.must('admin', order.id, 'markPaid')
    const refused = await w.act('taker0', order.id, 'take')
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe('The writer account is suspended.')
    const assign = await w.act('admin', order.id, 'assign', { writer: taker })
    expect(assign.status).toBe(422)
    await t.payload.update({ collection: 'users', id: taker, data: { suspended: false }, depth: 0 })
  })

  it('gives a writer only a level of their own website', async () => {
    const { docs } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: 2 } }, { code: { equals: 'expert' } }] }, depth: 0 })
    const betaExpert = docs[0]!.id
    const res = await t.api.patch(`/api/users/${ids.writer2}`, { host: 'alpha.test', token: tokens.admin, body: { writerLevel: betaExpert } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'writerLevel', message: 'The level must be one of the writer’s own website’s levels.' })
    expect((await t.payload.findByID({ collection: 'users', id: ids.writer2!, depth: 0 })).writerLevel ?? null).toBeNull()
    const { docs: own } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: 1 } }, { code: { equals: 'senior' } }] }, depth: 0 })
    const ok = await t.api.patch(`/api/users/${ids.writer2}`, { host: 'alpha.test', token: tokens.admin, body: { writerLevel: own[0]!.id } })
    expect(ok.status).toBe(200)
    await t.payload.update({ collection: 'users', id: ids.writer2!, data: { writerLevel: null }, depth: 0 })
  })
})

describe('holds, revisions, disputes, reassignment and cancellation', () => {
  const inProgress = async (clientDeadlineDays = 10) => {
    const order = await w.place('client', { deadlineHours: clientDeadlineDays * 24 })
    await w.must('admin', order.id, 'markPaid')
    await w.must('writer', order.id, 'take')
    return order
  }

  it('holds: a writer asks, support activates, the writer cannot submit until released', async () => {
    const order = await inProgress()
    await w.must('writer', order.id, 'requestHold', { reason: 'Waiting for the client\'s data.' })
    expect((await w.act('writer', order.id, 'submit')).status).toBe(422)
    expect((await w.must('support', order.id, 'activateHold')).status).toBe('on_hold')
    expect((await w.act('writer', order.id, 'submit')).status).toBe(409)
    expect((await w.must('support', order.id, 'releaseHold')).status).toBe('in_progress')
    expect((await w.must('writer', order.id, 'submit')).status).toBe('under_editing')
  })

  it('a free revision moves the order to revision_requested; the writer acknowledges and resubmits', async () => {
    const order = await inProgress()
    await w.must('writer', order.id, 'submit')
    await w.must('editor', order.id, 'editorApprove')
    await w.must('client', order.id, 'complete')
    const revision = await w.must('client', order.id, 'requestRevision', { reason: 'Add a conclusion.' })
    expect(revision.status).toBe('revision_requested')
    expect((await w.must('writer', order.id, 'acknowledge')).status).toBe('in_progress')
    expect((await w.must('writer', order.id, 'submit')).status).toBe('under_editing')
    const requests = await t.payload.find({ collection: 'order-requests', where: { order: { equals: order.id } }, depth: 0 })
    expect(requests.docs).toMatchObject([{ kind: 'revision', status: 'done' }])
  })

  it('refuses a free revision 14 days after completion with the reason', async () => {
    const order = await inProgress()
    await w.must('writer', order.id, 'submit')
    await w.must('editor', order.id, 'editorApprove')
    const done = await w.must('client', order.id, 'complete')
    await t.payload.update({ collection: 'orders', id: order.id, data: { timestamps: { ...done.timestamps, completedAt: new Date(Date.now() - 15 * DAY).toISOString() } }, depth: 0 })
    const res = await w.act('client', order.id, 'requestRevision', { reason: 'Late thought.' })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].message).toBe('Free revisions end 14 days after delivery.')
  })

  it('disputes: opened by the client, resolved and closed by an admin back to a chosen status', async () => {
    const order = await inProgress()
    await w.must('writer', order.id, 'submit')
    await w.must('editor', order.id, 'editorApprove')
    expect((await w.must('client', order.id, 'openDispute', { reason: 'quality_issue', description: 'Sources missing.' })).status).toBe('disputed')
    expect((await w.act('admin', order.id, 'closeDispute', { restoreTo: 'in_progress' })).status).toBe(422)
    await w.must('admin', order.id, 'resolveDispute', { outcome: 'writer_wins', summary: 'Sources are there.' })
    expect((await w.must('admin', order.id, 'closeDispute', { restoreTo: 'submitted' })).status).toBe('submitted')
  })

  it('reassignment returns the order to the pool and ends the writer\'s assignment', async () => {
    const order = await inProgress()
    await w.must('client', order.id, 'requestReassignment', { reason: 'No progress.' })
    const back = await w.must('support', order.id, 'approveReassignment')
    expect(back).toMatchObject({ status: 'ready_for_staffing', writer: null, visibility: 'pool' })
    const { docs } = await t.payload.find({ collection: 'order-assignments', where: { order: { equals: order.id } }, depth: 0 })
    expect(docs).toMatchObject([{ status: 'released', isCurrent: false }])
  })

  it('a client cancellation forfeits by time to the client deadline (not always 0 %), and rejection restores the status', async () => {
    // Two days to the client deadline: 40 % is kept.
    const order = await inProgress(2)
    const asked = await w.act('client', order.id, 'requestCancellation', { reason: 'Changed my mind.' })
    expect(asked.status).toBe(200)
    expect(asked.body.event.metadata).toMatchObject({ forfeitPercent: 40 })
    expect((await w.must('support', order.id, 'rejectCancellation', { reason: 'Nearly done.' })).status).toBe('in_progress')
    await w.must('client', order.id, 'requestCancellation', { reason: 'Really.' })
    const cancelled = await w.must('admin', order.id, 'approveCancellation')
    const kept = Math.floor((order.total * 40 + 50) / 100)
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { forfeitPercent: 40, kept, refundDue: order.total - kept } })
    // The writer is off the order and every action is over.
    expect((await w.act('writer', order.id, 'submit')).status).toBe(409)
    const override = await inProgress(2)
    await w.must('client', override.id, 'requestCancellation', { reason: 'Please.' })
    expect((await w.must('admin', override.id, 'approveCancellation', { forfeitPercent: 0 })).cancellation).toMatchObject({ forfeitPercent: 0, refundDue: override.total })
    expect((await w.act('admin', override.id, 'cancel', { reason: 'again' })).status).toBe(409)
  })

  it('queues a live event for the client, the writer and the staff of each change, none for the actor', async () => {
    const order = await inProgress()
    const { docs } = await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, sort: '-createdAt', limit: 2, depth: 0 })
    const audiences = docs.map((d) => (d.payload as { audience: Record<string, number> }).audience)
    expect(audiences).toEqual(expect.arrayContaining([{ user: ids.client }, { staffOfTenant: typeof order.tenant === 'object' ? order.tenant?.id : order.tenant }]))
    expect(audiences).not.toContainEqual({ user: ids.writer })
  })
})
