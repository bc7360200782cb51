import { describe, expect, it } from 'vitest'

import { INVOICE_WORKFLOW, type InvoiceFacts } from '@/domain/invoices/workflow'
import type { OrderFacts } from '@/domain/orders/actions'
import { canTransition } from '@/domain/orders/statuses'
import { PAYOUT_RECORD_WORKFLOW, PAYOUT_REQUEST_WORKFLOW } from '@/domain/payouts/workflows'
import { ROLES, type Role } from '@/domain/roles'
import { WORKFLOWS } from '@/domain/workflow/all'
import { type AnyWorkflow, actionNames, availableActions, decide, inputJsonSchema, parseInput, SYSTEM } from '@/domain/workflow/define'
import type { WebsiteActor } from '@/domain/workflow/websiteActor'

import { closestToOrder, orderFacts } from '../helpers/orderFacts'

const now = new Date('2026-11-30T12:00:00Z')

/** Staff of the record's own website. */
const ofWebsite = (role: Role): WebsiteActor => ({ roles: [role], ofWebsite: true, superadmin: role === 'superadmin' })

/** For each workflow: facts in a given status, and the closest actor of a role. */
const CASES: { name: string; workflow: AnyWorkflow; facts: (status: string) => { status: string }; actor: (role: Role) => unknown }[] = [
  { name: 'orders', workflow: WORKFLOWS.orders, facts: (status) => orderFacts({ status: status as OrderFacts['status'] }), actor: closestToOrder },
  { name: 'invoices', workflow: WORKFLOWS.invoices, facts: (status) => ({ status, dueAt: new Date(now.getTime() + 86_400_000), amountPaid: 0 }), actor: ofWebsite },
  { name: 'payout-records', workflow: WORKFLOWS['payout-records'], facts: (status) => ({ status }), actor: ofWebsite },
  { name: 'payout-requests', workflow: WORKFLOWS['payout-requests'], facts: (status) => ({ status }), actor: ofWebsite },
  // A suspension whose end has passed: the platform may expire it.
  { name: 'discipline-records', workflow: WORKFLOWS['discipline-records'], facts: (status) => ({ status, kind: 'suspension', endsAt: new Date(now.getTime() - 1000) }), actor: ofWebsite },
  // The writer closest to a fine is the one it fines.
  { name: 'fines', workflow: WORKFLOWS.fines, facts: (status) => ({ status, escalatedBefore: false, escalationsEnabled: true, receivableOutstanding: true }), actor: (role) => ({ ...ofWebsite(role), finedWriter: role === 'writer' }) },
  // The client closest to a ticket is its opener; its first response is past due and unflagged, closed an hour ago.
  {
    name: 'tickets',
    workflow: WORKFLOWS.tickets,
    facts: (status) => ({ status, closedAt: new Date(now.getTime() - 3_600_000), reopenWindowHours: 72, sla: { firstResponseDueAt: new Date(now.getTime() - 1000), resolutionDueAt: null, firstRespondedAt: null, firstResponseBreachedAt: null, resolutionBreachedAt: null } }),
    actor: (role) => ({ ...ofWebsite(role), opener: role === 'client', assignee: false }),
  },
  // The client and writer closest to a class are its own; its deposit is unpaid, nothing paid yet.
  {
    name: 'class-orders',
    workflow: WORKFLOWS['class-orders'],
    facts: (status) => ({ status, depositPaid: false, requireDepositBeforeStart: true, amountPaid: 0 }),
    actor: (role) => ({ ...ofWebsite(role), client: role === 'client', writer: role === 'writer' }),
  },
  // A staff proposal, expired: the client it waits on is refused with the reason.
  {
    name: 'class-proposals',
    workflow: WORKFLOWS['class-proposals'],
    facts: (status) => ({ status, kind: 'proposal', expiresAt: new Date(now.getTime() - 1000) }),
    actor: (role) => ({ ...ofWebsite(role), client: role === 'client', answers: role === 'client' }),
  },
  // Tasks of a paused class: every action of the right status is refused with the reason.
  {
    name: 'class-tasks',
    workflow: WORKFLOWS['class-tasks'],
    facts: (status) => ({ status, classPaused: true, classHasWriter: true }),
    actor: (role) => ({ ...ofWebsite(role), writer: role === 'writer' }),
  },
]

describe.each(CASES)('the $name workflow table', ({ workflow, facts, actor }) => {
  it('every role × action × status: outside its roles 403, outside its statuses 409, else allowed or refused with a reason (422)', () => {
    for (const action of actionNames(workflow)) {
      const rule = workflow.actions[action]!
      for (const role of ROLES) {
        const a = actor(role)
        for (const status of workflow.statuses) {
          const decision = decide(workflow, action, facts(status), a, now)
          const where = `${role} ${action} ${status}`
          if (!rule.who(a)) expect(decision, where).toMatchObject({ ok: false, status: 403 })
          else if (!rule.from.includes(status)) expect(decision, where).toMatchObject({ ok: false, status: 409 })
          else if (decision.ok) expect(decision.targets, where).toBe(rule.targets)
          else expect(decision, where).toMatchObject({ status: 422, reason: expect.stringMatching(/\S/) })
        }
      }
    }
  })

  it('leads only to its own statuses, has a label, and an input a form can be drawn from', () => {
    for (const action of actionNames(workflow)) {
      const rule = workflow.actions[action]!
      expect(rule.label, action).toMatch(/\S/)
      for (const status of [...rule.from, ...rule.targets]) expect(workflow.statuses, `${action}: ${status}`).toContain(status)
      expect(inputJsonSchema(rule.input), action).toMatchObject({ type: 'object', properties: expect.any(Object) })
    }
  })

  it('lists for an actor exactly the actions the decision allows, and the refused ones of this status with their reason', () => {
    for (const role of ROLES) {
      for (const status of workflow.statuses) {
        const a = actor(role)
        const { available, blocked } = availableActions(workflow, facts(status), a, now)
        for (const action of actionNames(workflow)) {
          const decision = decide(workflow, action, facts(status), a, now)
          expect(available.some((x) => x.action === action), `${role} ${action} ${status}`).toBe(decision.ok)
          expect(blocked.some((x) => x.action === action), `${role} ${action} ${status}`).toBe(!decision.ok && decision.status === 422)
        }
      }
    }
  })

  it('lets the platform take any action of the right status, under the same rules', () => {
    for (const action of actionNames(workflow)) {
      const rule = workflow.actions[action]!
      for (const status of workflow.statuses) {
        const decision = decide(workflow, action, facts(status), SYSTEM, now)
        if (!rule.from.includes(status)) expect(decision).toMatchObject({ status: 409 })
        else expect(decision.ok || decision.status === 422).toBe(true)
      }
    }
  })
})

describe('the order table', () => {
  it('only leads along the order transition table', () => {
    for (const [action, rule] of Object.entries(WORKFLOWS.orders.actions)) {
      for (const from of rule.from) for (const to of rule.targets) if (to !== from) expect(canTransition(from, to), `${action}: ${from} → ${to}`).toBe(true)
    }
  })
})

describe('invoices and payouts', () => {
  const invoice = (overrides: Partial<InvoiceFacts> = {}): InvoiceFacts => ({ status: 'issued', dueAt: new Date(now.getTime() + 86_400_000), amountPaid: 0, ...overrides })

  it('bills through admins and support of the website; others and other websites are refused', () => {
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice(), ofWebsite('support'), now).ok).toBe(true)
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice(), ofWebsite('editor'), now)).toMatchObject({ status: 403 })
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice(), { roles: ['admin'], ofWebsite: false, superadmin: false }, now)).toMatchObject({ status: 403 })
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice(), { roles: ['superadmin'], ofWebsite: false, superadmin: true }, now).ok).toBe(true)
  })

  it('refuses issuing past the due date and cancelling with money on it, with the reason', () => {
    expect(decide(INVOICE_WORKFLOW, 'issue', invoice({ status: 'draft', dueAt: now }), ofWebsite('admin'), now)).toEqual({ ok: false, status: 422, reason: 'The due date has passed: make a new draft.' })
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice({ amountPaid: 100 }), ofWebsite('admin'), now)).toMatchObject({ status: 422, reason: expect.stringMatching(/refund/) })
    expect(decide(INVOICE_WORKFLOW, 'cancel', invoice({ status: 'paid', amountPaid: 1000 }), ofWebsite('admin'), now)).toMatchObject({ status: 409 })
  })

  it('keeps payouts with admins, marks them as moving money, and names a bad input field', () => {
    expect(decide(PAYOUT_RECORD_WORKFLOW, 'pay', { status: 'pending' }, ofWebsite('support'), now)).toMatchObject({ status: 403 })
    expect(PAYOUT_RECORD_WORKFLOW.actions.pay.money).toBe(true)
    expect(PAYOUT_REQUEST_WORKFLOW.actions.approve.money).toBe(true)
    expect(decide(PAYOUT_REQUEST_WORKFLOW, 'expire', { status: 'pending' }, ofWebsite('superadmin'), now)).toMatchObject({ status: 403 })
    expect(decide(PAYOUT_REQUEST_WORKFLOW, 'expire', { status: 'pending' }, SYSTEM, now).ok).toBe(true)
    const parsed = parseInput(PAYOUT_RECORD_WORKFLOW, 'pay', { method: 'carrier pigeon', externalReference: ' ' })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['externalReference', 'method'])
  })
})
