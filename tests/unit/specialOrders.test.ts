import { describe, expect, it } from 'vitest'

import { decide } from '@/domain/workflow/define'
import { buildFundingPlan, deliveryRefusal, depositOf, fundingStatusOf, staffingRefusal, statusAfterFunding, type MilestoneFact } from '@/domain/specialOrders/funding'
import { pieceLines, priceQuote, QUOTE_WORKFLOW } from '@/domain/specialOrders/quotes'
import { DEFAULT_SPECIAL_ORDER_SETTINGS as DEFAULTS } from '@/domain/specialOrders/settings'
import { SPECIAL_ORDER_WORKFLOW, type SpecialOrderFacts } from '@/domain/specialOrders/workflow'

const now = new Date('2026-12-01T12:00:00Z')
const DAY = 24 * 3600 * 1000
const milestone = (over: Partial<MilestoneFact> = {}): MilestoneFact => ({ sequence: 1, label: 'Deposit', amount: 5000, status: 'pending', requiredBeforeStaffing: true, requiredBeforeDelivery: true, ...over })
const plan = (deposit: MilestoneFact['status'], balance: MilestoneFact['status']) => [milestone({ status: deposit }), milestone({ sequence: 2, label: 'Balance', status: balance, requiredBeforeStaffing: false })]

describe('quote pricing', () => {
  it('adds the lines in cents, discounts negative, and names the line that is wrong', () => {
    expect(priceQuote([{ kind: 'service', description: 'Chapters', amount: 40000 }, { kind: 'urgency_fee', description: 'Rush', amount: 5000 }, { kind: 'discount', description: 'Loyal', amount: -2500 }])).toEqual({
      lines: expect.any(Array),
      subtotal: 45000,
      discount: 2500,
      total: 42500,
    })
    expect(priceQuote([{ kind: 'service', description: 'A', amount: 100 }, { kind: 'discount', description: 'B', amount: 50 }])).toEqual({ problem: 'A discount line is negative.', path: 'lines.1.amount' })
    expect(priceQuote([{ kind: 'addon', description: 'A', amount: -1 }])).toMatchObject({ path: 'lines.0.amount' })
    expect(priceQuote([{ kind: 'service', description: 'A', amount: 100 }, { kind: 'discount', description: 'B', amount: -100 }])).toMatchObject({ path: 'lines', problem: expect.stringContaining('more than 0') })
    expect(priceQuote([])).toMatchObject({ path: 'lines' })
    expect(priceQuote([{ kind: 'service', description: 'A', amount: 100 }, { kind: 'manual_adjustment', description: 'B', amount: -30 }])).toMatchObject({ total: 70, subtotal: 70 })
  })
})

describe('the funding plan', () => {
  it('asks the percentage as deposit, at least the minimum, at most the total', () => {
    expect(depositOf(10001, DEFAULTS)).toBe(5001)
    expect(depositOf(10000, { defaultDepositPercent: 30, minimumDeposit: 5000 })).toBe(5000)
    expect(depositOf(4000, { defaultDepositPercent: 30, minimumDeposit: 5000 })).toBe(4000)
  })

  it('is a deposit required before staffing and a balance required before delivery, due in order', () => {
    const [deposit, balance, ...rest] = buildFundingPlan(30000, DEFAULTS, { now })
    expect(rest).toEqual([])
    expect(deposit).toMatchObject({ sequence: 1, kind: 'deposit', amount: 15000, requiredBeforeStaffing: true, requiredBeforeDelivery: true })
    expect(balance).toMatchObject({ sequence: 2, kind: 'final', amount: 15000, requiredBeforeStaffing: false, requiredBeforeDelivery: true })
    expect(deposit!.dueAt.getTime()).toBe(now.getTime() + 3 * DAY)
    expect(balance!.dueAt.getTime()).toBe(now.getTime() + 14 * DAY)
    expect(buildFundingPlan(30000, DEFAULTS, { now, durationDays: 30 })[1]!.dueAt.getTime()).toBe(now.getTime() + 30 * DAY)
  })

  it('follows the website: no deposit rule, no full payment rule, or one payment without installments', () => {
    const loose = buildFundingPlan(30000, { ...DEFAULTS, requireDepositBeforeStaffing: false, requireFullPaymentBeforeDelivery: false }, { now })
    expect(loose.map((m) => [m.requiredBeforeStaffing, m.requiredBeforeDelivery])).toEqual([[false, false], [false, false]])
    expect(buildFundingPlan(30000, { ...DEFAULTS, requireFullPaymentBeforeDelivery: false }, { now, requiresFullPayment: true }).every((m) => m.requiredBeforeDelivery)).toBe(true)
    expect(buildFundingPlan(30000, { ...DEFAULTS, allowInstallments: false }, { now })).toEqual([expect.objectContaining({ amount: 30000, label: 'Full payment', requiredBeforeStaffing: true })])
    expect(buildFundingPlan(3000, { ...DEFAULTS, minimumDeposit: 5000 }, { now })).toHaveLength(1)
    expect(() => buildFundingPlan(0, DEFAULTS, { now })).toThrow()
  })
})

describe('the gates', () => {
  it('staffing names the first unpaid milestone required before staffing; a waived one counts as paid', () => {
    expect(staffingRefusal(plan('pending', 'pending'))).toBe('The deposit (milestone 1) is unpaid: it must be paid before a writer is assigned.')
    expect(staffingRefusal(plan('paid', 'pending'))).toBeNull()
    expect(staffingRefusal(plan('waived', 'pending'))).toBeNull()
    expect(statusAfterFunding(plan('pending', 'pending'))).toBe('awaiting_payment')
    expect(statusAfterFunding(plan('paid', 'pending'))).toBe('ready_for_staffing')
    expect(statusAfterFunding([milestone({ status: 'pending' }), milestone({ sequence: 2, status: 'paid' })])).toBe('partially_funded')
  })

  it('delivery waits for the whole plan where full payment is required, unless unlocked', () => {
    const full = { requireFullPaymentBeforeDelivery: true }
    expect(deliveryRefusal({ milestones: plan('paid', 'pending'), deliveryUnlocked: false }, full)).toBe('Delivery is locked until the plan is funded: the balance (milestone 2) is unpaid.')
    expect(deliveryRefusal({ milestones: plan('paid', 'paid'), deliveryUnlocked: false }, full)).toBeNull()
    expect(deliveryRefusal({ milestones: plan('paid', 'pending'), deliveryUnlocked: true }, full)).toBeNull()
    const loose = plan('paid', 'pending').map((m) => ({ ...m, requiredBeforeDelivery: false }))
    expect(deliveryRefusal({ milestones: loose, deliveryUnlocked: false }, { requireFullPaymentBeforeDelivery: false })).toBeNull()
    expect(deliveryRefusal({ milestones: loose, deliveryUnlocked: false, requiresFullPayment: true }, { requireFullPaymentBeforeDelivery: false })).toContain('milestone 2')
  })

  it('funding status follows the settled milestones', () => {
    expect(fundingStatusOf(plan('pending', 'pending'))).toBe('awaiting_deposit')
    expect(fundingStatusOf(plan('paid', 'pending'))).toBe('partially_funded')
    expect(fundingStatusOf(plan('paid', 'waived'))).toBe('funded')
    expect(fundingStatusOf([])).toBe('draft')
  })
})

describe('the special order and quote tables', () => {
  const admin = { roles: ['admin'] as const, ofWebsite: true, superadmin: false, client: false, writer: false }
  const facts = (over: Partial<SpecialOrderFacts> = {}): SpecialOrderFacts => ({ status: 'awaiting_payment', pricingMode: 'quoted', milestones: plan('pending', 'pending'), deliveryUnlocked: false, requiresFullPayment: false, amountPaid: 0, settings: { requireFullPaymentBeforeDelivery: true }, statusBefore: null, disputeOpen: false, disputesEnabled: true, ...over })

  it('refuses staffing with the unpaid milestone (422) and delivery until funded', () => {
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'assign', facts(), admin, now)).toEqual({ ok: false, status: 422, reason: expect.stringContaining('The deposit (milestone 1) is unpaid') })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'assign', facts({ milestones: plan('paid', 'pending'), status: 'ready_for_staffing' }), admin, now).ok).toBe(true)
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'complete', facts({ status: 'submitted', milestones: plan('paid', 'pending') }), admin, now)).toMatchObject({ status: 422 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'complete', facts({ status: 'submitted', milestones: plan('paid', 'pending'), deliveryUnlocked: true }), admin, now).ok).toBe(true)
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'sendQuote', facts({ status: 'inquiry', pricingMode: 'fixed_config' }), admin, now)).toMatchObject({ status: 422 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'cancel', facts({ amountPaid: 100 }), admin, now)).toMatchObject({ status: 422 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'markFunded', facts(), { ...admin, roles: ['support'] }, now)).toMatchObject({ status: 403 })
  })

  it('refunds only what was paid, by admins; disputes by the client once, where the website allows them', () => {
    const client = { roles: ['client'] as const, ofWebsite: true, superadmin: false, client: true, writer: false }
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'refund', facts(), admin, now)).toMatchObject({ status: 422, reason: 'Nothing has been paid on this special order.' })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'refund', facts({ amountPaid: 100 }), admin, now).ok).toBe(true)
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'refund', facts({ amountPaid: 100 }), { ...admin, roles: ['support'] }, now)).toMatchObject({ status: 403 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'refund', facts({ amountPaid: 100, status: 'refunded' }), admin, now)).toMatchObject({ status: 409 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'openDispute', facts({ status: 'completed' }), client, now).ok).toBe(true)
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'openDispute', facts({ status: 'awaiting_payment' }), client, now)).toMatchObject({ status: 409 })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'openDispute', facts({ status: 'completed', disputeOpen: true }), client, now)).toMatchObject({ status: 422, reason: 'A dispute is already open.' })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'openDispute', facts({ status: 'completed', disputesEnabled: false }), client, now)).toMatchObject({ status: 422, reason: 'Disputes are switched off on this website.' })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'resolveDispute', facts({ status: 'completed' }), admin, now)).toMatchObject({ status: 422, reason: 'No dispute is open.' })
    expect(decide(SPECIAL_ORDER_WORKFLOW, 'resolveDispute', facts({ status: 'completed', disputeOpen: true }), client, now)).toMatchObject({ status: 403 })
  })

  it('accepts a sent quote only before it expires; only the platform expires it', () => {
    const client = { roles: ['client'] as const, ofWebsite: true, superadmin: false, client: true }
    const sent = { status: 'sent' as const, expiresAt: new Date(now.getTime() + 1000) }
    expect(decide(QUOTE_WORKFLOW, 'accept', sent, client, now).ok).toBe(true)
    expect(decide(QUOTE_WORKFLOW, 'accept', { ...sent, expiresAt: now }, client, now)).toMatchObject({ status: 422, reason: expect.stringContaining('expired') })
    expect(decide(QUOTE_WORKFLOW, 'accept', { ...sent, status: 'expired' }, client, now)).toMatchObject({ status: 409 })
    expect(decide(QUOTE_WORKFLOW, 'expire', sent, 'system', now)).toMatchObject({ status: 422 })
    expect(decide(QUOTE_WORKFLOW, 'expire', sent, 'system', new Date(now.getTime() + 1000)).ok).toBe(true)
    expect(decide(QUOTE_WORKFLOW, 'expire', sent, client, new Date(now.getTime() + 1000))).toMatchObject({ status: 403 })
  })
})

describe('slides and diagrams in a quote', () => {
  it('one add-on line each at the website’s unit prices, none for a count of 0', () => {
    expect(pieceLines({ slides: 12, diagrams: 1 }, { perSlide: 1399, perDiagram: 1999 })).toEqual([
      { kind: 'addon', description: '12 slides', amount: 16788 },
      { kind: 'addon', description: '1 diagram', amount: 1999 },
    ])
    expect(pieceLines({ slides: 0 }, { perSlide: 1399, perDiagram: 1999 })).toEqual([])
  })
})
