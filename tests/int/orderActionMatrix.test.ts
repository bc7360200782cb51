import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ActorFacts, ORDER_ACTION_NAMES, ORDER_ACTIONS, type OrderAction } from '@/domain/orders/actions'
import { ORDER_STATUSES, type OrderStatus } from '@/domain/orders/statuses'
import type { Role } from '@/domain/roles'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { ESSAY } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The whole role × action × status matrix over HTTP, generated from the lifecycle data:
 * for every status an order is put in that status, and every role tries every action.
 * Expected: 404 when the role cannot see the order, 403 when the action is not the
 * role's, 409 when the status is not the action's; otherwise the answer GET …/actions
 * gave (blocked → 422 with its reason, available → performed on a fresh copy, leading
 * to one of the action's statuses with exactly one event). Refusals write nothing.
 */

type Spec = {
  paid: boolean
  writer?: boolean
  pendingWriter?: boolean
  visibility?: 'hidden' | 'pool'
  submitted?: boolean
  completed?: boolean
  request?: { kind: 'hold' | 'dispute' | 'revision' | 'cancellation'; status: 'active' | 'open' | 'pending'; statusBefore?: OrderStatus }
}

const WITH_WRITER = { paid: true, writer: true }
const DELIVERED = { ...WITH_WRITER, submitted: true }
const SPECS: Record<OrderStatus, Spec> = {
  created: { paid: false },
  unpaid: { paid: false },
  pending_payment: { paid: false },
  paid: { paid: true },
  ready_for_staffing: { paid: true, visibility: 'pool' },
  pending_writer_acceptance: { paid: true, pendingWriter: true },
  in_progress: WITH_WRITER,
  on_hold: { ...WITH_WRITER, request: { kind: 'hold', status: 'active' } },
  qa_review: DELIVERED,
  under_editing: DELIVERED,
  submitted: DELIVERED,
  completed: { ...DELIVERED, completed: true },
  disputed: { ...DELIVERED, request: { kind: 'dispute', status: 'open', statusBefore: 'submitted' } },
  revision_requested: { ...DELIVERED, completed: true, request: { kind: 'revision', status: 'pending' } },
  pending_cancellation: { ...WITH_WRITER, request: { kind: 'cancellation', status: 'pending', statusBefore: 'in_progress' } },
  cancelled: WITH_WRITER,
  refunded: WITH_WRITER,
  archived: { ...DELIVERED, completed: true },
}

const ROLES_TRIED: Role[] = ['client', 'writer', 'admin', 'support', 'editor', 'superadmin']

let t: TestContext
const tokens: Partial<Record<Role | 'otherWriter', string>> = {}
const ids: Partial<Record<Role | 'otherWriter', number>> = {}

/** A valid body for each action that takes one. */
const inputFor = (action: OrderAction): Record<string, unknown> =>
  ({
    assign: { writer: ids.otherWriter },
    openDispute: { reason: 'quality_issue', description: 'Not as ordered.' },
    resolveDispute: { outcome: 'other', summary: 'Settled.' },
    closeDispute: { restoreTo: 'submitted' },
  })[action as string] ?? { reason: 'Because the matrix says so.' }

const HOUR = 3600 * 1000

/** An order of Alpha's client in the given status, built directly (the matrix tests the actions, not the path here). */
const orderIn = async (status: OrderStatus): Promise<number> => {
  const spec = SPECS[status]
  const placed = await t.payload.create({ collection: 'orders', data: { ...ESSAY, tenant: 1, client: ids.client, deadlineHours: 240 } as never, depth: 0 })
  const now = Date.now()
  const stamp = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString()
  await t.payload.update({
    collection: 'orders',
    id: placed.id,
    depth: 0,
    data: {
      status,
      paymentStatus: spec.paid ? 'fully_paid' : 'unpaid',
      amountPaid: spec.paid ? placed.total : 0,
      visibility: spec.visibility ?? 'hidden',
      writer: spec.writer ? ids.writer : null,
      pendingWriter: spec.pendingWriter ? ids.writer : null,
      timestamps: {
        paidAt: spec.paid ? stamp(5) : null,
        assignedAt: spec.writer ? stamp(4) : null,
        submittedAt: spec.submitted ? stamp(3) : null,
        completedAt: spec.completed ? stamp(2) : null,
      },
    },
  })
  if (spec.writer) {
    await t.payload.create({ collection: 'order-assignments', data: { tenant: 1, order: placed.id, writer: ids.writer!, source: 'staff_assignment', status: 'active', isCurrent: true }, depth: 0 })
  }
  if (spec.request) {
    await t.payload.create({ collection: 'order-requests', data: { tenant: 1, order: placed.id, requestedBy: ids.admin, forfeitPercent: 0, ...spec.request }, depth: 0 })
  }
  return placed.id
}

const actorFacts = (role: Role, spec: Spec): ActorFacts => ({
  role,
  isClientOwner: role === 'client',
  isCurrentWriter: role === 'writer' && Boolean(spec.writer),
  isInvitedWriter: false,
  isPendingAssignee: role === 'writer' && Boolean(spec.pendingWriter),
  hasPendingInterest: false,
  writerIneligible: null,
  isHoldRequester: false,
})

const act = (role: Role, orderId: number, action: OrderAction) =>
  t.api.post(`/api/orders/${orderId}/actions/${action}`, { host: 'alpha.test', token: tokens[role], body: inputFor(action) })

const counts = async () => {
  const out: Record<string, number> = {}
  for (const collection of ['order-events', 'order-requests', 'order-interests', 'order-assignments', 'outbox'] as const) {
    out[collection] = (await t.payload.count({ collection })).totalDocs
  }
  return out
}

type Cell = { status: OrderStatus; role: Role; action: OrderAction; expected: number; reason?: string }
const allowed: Cell[] = []

beforeAll(async () => {
  t = await startTestPayload()
  const emails: Record<Role | 'otherWriter', string> = {
    client: 'client@alpha.test',
    writer: 'writer@alpha.test',
    otherWriter: 'writer2@alpha.test',
    admin: 'admin@alpha.test',
    support: 'support@alpha.test',
    editor: 'editor@alpha.test',
    content: 'content@alpha.test',
    superadmin: 'superadmin@scriptorium.test',
  }
  for (const [who, email] of Object.entries(emails) as [Role | 'otherWriter', string][]) {
    tokens[who] = await t.api.login(email, DEMO_PASSWORD, { host: 'alpha.test' })
    ids[who] = (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]!.id
  }
  // The matrix's writer carries an order in most statuses at once.
  const { docs } = await t.payload.find({ collection: 'writer-levels', where: { and: [{ tenant: { equals: 1 } }, { code: { equals: 'expert' } }] }, depth: 0 })
  await t.payload.update({ collection: 'writer-levels', id: docs[0]!.id, data: { maxActiveOrders: 1000 }, depth: 0 })
  await t.payload.update({ collection: 'users', id: ids.writer!, data: { writerLevel: docs[0]!.id }, depth: 0 })
}, 120_000)
afterAll(async () => t?.close())

describe('role × action × status over HTTP', () => {
  it('refuses every cell the lifecycle data refuses, with the right status, and writes nothing', { timeout: 600_000 }, async () => {
    const fixtures = new Map<OrderStatus, number>()
    for (const status of ORDER_STATUSES) fixtures.set(status, await orderIn(status))
    const before = await counts()
    const stamps = await t.payload.find({ collection: 'orders', where: { id: { in: [...fixtures.values()] } }, depth: 0, limit: 100 })
    const mismatches: string[] = []
    let cells = 0

    for (const status of ORDER_STATUSES) {
      const orderId = fixtures.get(status)!
      for (const role of ROLES_TRIED) {
        const visible = (await t.api.get(`/api/orders/${orderId}`, { host: 'alpha.test', token: tokens[role] })).status === 200
        const listing = visible ? (await t.api.get(`/api/orders/${orderId}/actions`, { host: 'alpha.test', token: tokens[role] })).body : { available: [], blocked: [] }
        const answers = await Promise.all(
          ORDER_ACTION_NAMES.map(async (action) => {
            const rule = ORDER_ACTIONS[action]
            const blocked = (listing.blocked as { action: string; reason: string }[]).find((b) => b.action === action)
            let expected: number
            if (!visible) expected = 404
            else if (!rule.who(actorFacts(role, SPECS[status]))) expected = 403
            else if (!(rule.from as readonly OrderStatus[]).includes(status)) expected = 409
            else if (blocked) expected = 422
            else {
              expected = 200
              if (!(listing.available as { action: string }[]).some((a) => a.action === action)) mismatches.push(`${status} ${role} ${action}: allowed but not listed`)
            }
            if (expected === 200) {
              allowed.push({ status, role, action, expected })
              return null
            }
            const res = await act(role, orderId, action)
            cells += 1
            const message = res.body?.errors?.[0]?.message
            if (res.status !== expected) return `${status} ${role} ${action}: expected ${expected}, got ${res.status} ${message ?? ''}`
            if (expected === 422 && message !== blocked!.reason) return `${status} ${role} ${action}: 422 "${message}" but listed as "${blocked!.reason}"`
            return null
          }),
        )
        mismatches.push(...answers.filter((a): a is string => a !== null))
      }
    }
    expect(mismatches).toEqual([])
    expect(cells + allowed.length).toBe(ORDER_STATUSES.length * ROLES_TRIED.length * ORDER_ACTION_NAMES.length)
    // Nothing was written by any refusal.
    expect(await counts()).toEqual(before)
    const after = await t.payload.find({ collection: 'orders', where: { id: { in: [...fixtures.values()] } }, depth: 0, limit: 100 })
    expect(after.docs.map((d) => [d.id, d.status, d.updatedAt])).toEqual(stamps.docs.map((d) => [d.id, d.status, d.updatedAt]))
  })

  it('performs every allowed cell: one of the action\'s statuses and exactly one event', { timeout: 600_000 }, async () => {
    expect(allowed.length).toBeGreaterThan(50)
    const mismatches: string[] = []
    for (const cell of allowed) {
      const orderId = await orderIn(cell.status)
      const res = await act(cell.role, orderId, cell.action)
      const label = `${cell.status} ${cell.role} ${cell.action}`
      if (res.status !== 200) {
        mismatches.push(`${label}: ${res.status} ${JSON.stringify(res.body)}`)
        continue
      }
      const targets = ORDER_ACTIONS[cell.action].targets as readonly OrderStatus[]
      const to = res.body.doc.status as OrderStatus
      if (targets.length === 0 ? to !== cell.status : !targets.includes(to)) mismatches.push(`${label}: led to ${to}`)
      const events = await t.payload.find({ collection: 'order-events', where: { order: { equals: orderId } }, depth: 0 })
      if (events.totalDocs !== 1 || events.docs[0]!.action !== cell.action || events.docs[0]!.from !== cell.status || events.docs[0]!.to !== to) {
        mismatches.push(`${label}: events ${JSON.stringify(events.docs.map((e) => [e.action, e.from, e.to]))}`)
      }
      if (res.body.event?.id !== events.docs[0]?.id) mismatches.push(`${label}: answer's event is not the row`)
    }
    expect(mismatches).toEqual([])
  })
})
