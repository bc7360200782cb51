import { describe, expect, it } from 'vitest'

import { classCompensation, compensationProblem, taskEarning } from '@/domain/classOrders/compensation'
import { isInstallmentOverdue, overdueInstallments, planInstallments } from '@/domain/classOrders/installmentPlan'
import { CLASS_PROPOSAL_WORKFLOW, proposalFinal, type ClassProposalActor, type ClassProposalFacts } from '@/domain/classOrders/proposals'
import { classOrderSettings } from '@/domain/classOrders/settings'
import type { ClassOrderStatus } from '@/domain/classOrders/statuses'
import { CLASS_TASK_WORKFLOW, type ClassTaskActor } from '@/domain/classOrders/tasks'
import { CLASS_ORDER_WORKFLOW, type ClassOrderActor, type ClassOrderFacts } from '@/domain/classOrders/workflow'
import { decide, parseInput, SYSTEM } from '@/domain/workflow/define'

const now = new Date('2026-12-01T12:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR

const person = (over: Partial<ClassOrderActor> = {}): ClassOrderActor => ({ roles: ['client'], ofWebsite: true, superadmin: false, client: false, writer: false, ...over })
const client = person({ client: true })
const writer = person({ roles: ['writer'], writer: true })
const support = person({ roles: ['support'] })
const classFacts = (over: Partial<ClassOrderFacts> = {}): ClassOrderFacts => ({ status: 'submitted', depositPaid: false, requireDepositBeforeStart: true, amountPaid: 0, ...over })

/** §10.2's transitions (every non-terminal status may also be cancelled). */
const REFERENCE: Record<ClassOrderStatus, readonly ClassOrderStatus[]> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['under_review', 'needs_client_info'],
  needs_client_info: ['submitted', 'under_review'],
  under_review: ['price_proposed', 'needs_client_info'],
  price_proposed: ['negotiating', 'accepted'],
  negotiating: ['price_proposed', 'accepted'],
  accepted: ['pending_payment', 'partially_paid', 'paid'],
  pending_payment: ['partially_paid', 'paid'],
  partially_paid: ['paid', 'assigned', 'in_progress'],
  paid: ['assigned', 'in_progress'],
  assigned: ['in_progress', 'paused'],
  in_progress: ['paused', 'quality_review', 'completed'],
  paused: ['in_progress'],
  quality_review: ['in_progress', 'completed'],
  completed: ['archived'],
  cancelled: ['archived'],
  archived: [],
}

describe('the class order table', () => {
  it('leads only along §10.2, plus cancellation, the pause of a class under review and resuming to where the pause found it (staff may force)', () => {
    const forced = new Set(['quality_review→paused', 'paused→assigned', 'paused→quality_review', 'price_proposed→price_proposed'])
    for (const [action, rule] of Object.entries(CLASS_ORDER_WORKFLOW.actions)) {
      for (const from of rule.from) {
        for (const to of rule.targets) {
          const allowed = REFERENCE[from].includes(to) || to === 'cancelled' || forced.has(`${from}→${to}`)
          expect(allowed, `${action}: ${from} → ${to}`).toBe(true)
        }
      }
    }
  })

  it('lets the client submit, give details and cancel before acceptance, and staff run the review and price', () => {
    expect(decide(CLASS_ORDER_WORKFLOW, 'submit', classFacts({ status: 'draft' }), client, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'review', classFacts(), client, now)).toMatchObject({ status: 403 })
    expect(decide(CLASS_ORDER_WORKFLOW, 'proposePrice', classFacts({ status: 'under_review' }), support, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'proposePrice', classFacts({ status: 'submitted' }), support, now)).toMatchObject({ status: 409 })
    expect(decide(CLASS_ORDER_WORKFLOW, 'cancel', classFacts({ status: 'negotiating' }), client, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'cancel', classFacts({ status: 'pending_payment' }), client, now)).toMatchObject({ status: 422 })
    expect(decide(CLASS_ORDER_WORKFLOW, 'cancel', classFacts({ status: 'partially_paid', amountPaid: 100 }), support, now)).toMatchObject({ status: 422, reason: expect.stringMatching(/refund/) })
  })

  it('assigns a writer only once the deposit is paid where the website requires it', () => {
    expect(decide(CLASS_ORDER_WORKFLOW, 'assign', classFacts({ status: 'partially_paid' }), support, now)).toMatchObject({ status: 422, reason: expect.stringMatching(/deposit/) })
    expect(decide(CLASS_ORDER_WORKFLOW, 'assign', classFacts({ status: 'partially_paid', depositPaid: true }), support, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'assign', classFacts({ status: 'partially_paid', requireDepositBeforeStart: false }), support, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'start', classFacts({ status: 'assigned' }), writer, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'start', classFacts({ status: 'assigned' }), person({ roles: ['writer'] }), now)).toMatchObject({ status: 403 })
  })

  it('lets the platform pause a working class and resume it', () => {
    expect(decide(CLASS_ORDER_WORKFLOW, 'pause', classFacts({ status: 'in_progress' }), SYSTEM, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'resume', classFacts({ status: 'paused' }), SYSTEM, now).ok).toBe(true)
    expect(decide(CLASS_ORDER_WORKFLOW, 'pause', classFacts({ status: 'pending_payment' }), SYSTEM, now)).toMatchObject({ status: 409 })
  })

  it('names each bad field of a price proposal', () => {
    const parsed = parseInput(CLASS_ORDER_WORKFLOW, 'proposePrice', { amount: 10.5, discount: -1 })
    expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'discount'])
  })
})

describe('proposals', () => {
  const answering: ClassProposalActor = { roles: ['client'], ofWebsite: true, superadmin: false, client: true, answers: true }
  const staffAnswering: ClassProposalActor = { roles: ['support'], ofWebsite: true, superadmin: false, client: false, answers: true }
  const open = (over: Partial<ClassProposalFacts> = {}): ClassProposalFacts => ({ status: 'sent', kind: 'proposal', expiresAt: new Date(now.getTime() + HOUR), ...over })

  it('final = amount − discount, and must be positive', () => {
    expect(proposalFinal(50_000, 5_000)).toBe(45_000)
    expect(proposalFinal(5_000, 5_000)).toBeNull()
    expect(proposalFinal(5_000, -1)).toBeNull()
  })

  it('is answered only while sent: a counter-offer after acceptance is a 409', () => {
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'counter', open(), answering, now).ok).toBe(true)
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'counter', open({ status: 'accepted' }), answering, now)).toMatchObject({ status: 409 })
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'accept', open({ status: 'countered' }), answering, now)).toMatchObject({ status: 409 })
  })

  it('refuses an expired proposal even before the schedule marks it, and lets only the platform expire it', () => {
    const expired = open({ expiresAt: new Date(now.getTime() - 1) })
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'accept', expired, answering, now)).toMatchObject({ status: 422, reason: 'The proposal has expired.' })
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'expire', expired, SYSTEM, now).ok).toBe(true)
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'expire', open(), SYSTEM, now)).toMatchObject({ status: 422 })
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'expire', expired, staffAnswering, now)).toMatchObject({ status: 403 })
  })

  it('waits on the other side: staff accept a counter-offer but never counter it, the client does not answer their own', () => {
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'accept', open({ kind: 'counter' }), staffAnswering, now).ok).toBe(true)
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'counter', open({ kind: 'counter' }), staffAnswering, now)).toMatchObject({ status: 403 })
    expect(decide(CLASS_PROPOSAL_WORKFLOW, 'accept', open({ kind: 'counter' }), { ...answering, answers: false }, now)).toMatchObject({ status: 403 })
  })
})

describe('the installment plan', () => {
  const start = new Date('2027-01-01T00:00:00Z')
  const end = new Date('2027-04-11T00:00:00Z') // 100 days

  it('takes the deposit percent at acceptance and splits the rest equally, the remainder on the last', () => {
    const plan = planInstallments({ total: 100_001, depositPercent: 50, count: 3, startDate: start, endDate: end, now })
    expect(plan.map((p) => p.amount)).toEqual([50_001, 16_666, 16_666, 16_668])
    expect(plan.reduce((sum, p) => sum + p.amount, 0)).toBe(100_001)
    expect(plan[0]).toMatchObject({ sequence: 1, deposit: true, dueAt: now })
    expect(plan.map((p) => p.sequence)).toEqual([1, 2, 3, 4])
  })

  it('spaces the due dates evenly inside the class, never before acceptance', () => {
    const plan = planInstallments({ total: 40_000, depositPercent: 25, count: 3, startDate: start, endDate: end, now })
    expect(plan.slice(1).map((p) => p.dueAt.toISOString())).toEqual(['2027-01-26T00:00:00.000Z', '2027-02-20T00:00:00.000Z', '2027-03-17T00:00:00.000Z'])
    const late = planInstallments({ total: 40_000, depositPercent: 25, count: 1, startDate: new Date('2026-01-01'), endDate: new Date('2026-01-03'), now })
    expect(late[1]!.dueAt).toEqual(now)
  })

  it('has no deposit row at 0 %, only the deposit at 100 % or without installments, and no part under a cent', () => {
    expect(planInstallments({ total: 900, depositPercent: 0, count: 3, startDate: start, endDate: end, now }).map((p) => p.amount)).toEqual([300, 300, 300])
    expect(planInstallments({ total: 900, depositPercent: 100, count: 3, startDate: start, endDate: end, now }).map((p) => p.amount)).toEqual([900])
    expect(planInstallments({ total: 900, depositPercent: 50, count: 0, startDate: start, endDate: end, now }).map((p) => p.amount)).toEqual([900])
    expect(planInstallments({ total: 3, depositPercent: 50, count: 5, startDate: start, endDate: end, now }).map((p) => p.amount)).toEqual([2, 1])
  })

  it('is overdue once its due date passed while open', () => {
    const due = new Date(now.getTime() - DAY)
    expect(isInstallmentOverdue({ status: 'pending', dueAt: due }, now)).toBe(true)
    expect(isInstallmentOverdue({ status: 'paid', dueAt: due }, now)).toBe(false)
    expect(isInstallmentOverdue({ status: 'waived', dueAt: due }, now)).toBe(false)
    expect(isInstallmentOverdue({ status: 'pending', dueAt: now }, now)).toBe(false)
    const rows = [
      { sequence: 3, status: 'due' as const, dueAt: due },
      { sequence: 2, status: 'overdue' as const, dueAt: due },
      { sequence: 4, status: 'pending' as const, dueAt: new Date(now.getTime() + DAY) },
    ]
    expect(overdueInstallments(rows, now).map((r) => r.sequence)).toEqual([2, 3])
  })
})

describe('class tasks', () => {
  const taskWriter: ClassTaskActor = { roles: ['writer'], ofWebsite: true, superadmin: false, writer: true }
  const taskStaff: ClassTaskActor = { roles: ['admin'], ofWebsite: true, superadmin: false, writer: false }

  it('runs pending → assigned → in_progress → submitted → approved → completed, with revisions', () => {
    const facts = { classPaused: false, classHasWriter: true }
    expect(decide(CLASS_TASK_WORKFLOW, 'assign', { status: 'pending', ...facts }, taskStaff, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'start', { status: 'assigned', ...facts }, taskWriter, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'submit', { status: 'in_progress', ...facts }, taskWriter, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'approve', { status: 'submitted', ...facts }, taskWriter, now)).toMatchObject({ status: 403 })
    expect(decide(CLASS_TASK_WORKFLOW, 'approve', { status: 'submitted', ...facts }, taskStaff, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'start', { status: 'revision_requested', ...facts }, taskWriter, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'complete', { status: 'approved', ...facts }, taskStaff, now).ok).toBe(true)
    expect(decide(CLASS_TASK_WORKFLOW, 'assign', { status: 'pending', classPaused: false, classHasWriter: false }, taskStaff, now)).toMatchObject({ status: 422 })
  })

  it('refuses every task action while the class is paused', () => {
    expect(decide(CLASS_TASK_WORKFLOW, 'submit', { status: 'in_progress', classPaused: true, classHasWriter: true }, taskWriter, now)).toMatchObject({ status: 422, reason: expect.stringMatching(/paused/) })
    expect(decide(CLASS_TASK_WORKFLOW, 'approve', { status: 'submitted', classPaused: true, classHasWriter: true }, taskStaff, now)).toMatchObject({ status: 422 })
  })
})

describe('writer compensation', () => {
  it('is a percentage of the total (rounded down) or a fixed amount', () => {
    expect(classCompensation({ kind: 'percentage', value: 40 }, 100_001)).toBe(40_000)
    expect(classCompensation({ kind: 'fixed', value: 25_000 }, 100_000)).toBe(25_000)
    expect(compensationProblem({ kind: 'percentage', value: 101 }, 100)).toMatch(/100/)
    expect(compensationProblem({ kind: 'fixed', value: 101 }, 100)).toMatch(/total/)
  })

  it('is earned task by task in equal shares, the last approved task taking the rest', () => {
    const shares: number[] = []
    let earned = 0
    for (let unearned = 3; unearned >= 1; unearned--) {
      const share = taskEarning({ compensation: 10_000, earnedSoFar: earned, unearnedTasks: unearned })
      shares.push(share)
      earned += share
    }
    expect(shares).toEqual([3_333, 3_333, 3_334])
    expect(taskEarning({ compensation: 10_000, earnedSoFar: 10_000, unearnedTasks: 2 })).toBe(0)
  })
})

describe('website settings', () => {
  it('defaults what the admin left empty; no installments means the whole total at acceptance', () => {
    expect(classOrderSettings(null)).toEqual({ depositPercent: 50, installmentsCount: 3, quoteExpiryHours: 72, allowInstallments: true, requireDepositBeforeStart: true, pauseWhenOverdue: true })
    expect(classOrderSettings({ allowInstallments: false, installmentsCount: 4 }).installmentsCount).toBe(0)
  })
})
