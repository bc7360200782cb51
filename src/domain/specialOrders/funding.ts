import { multiply, type Cents } from '../money'

import type { SpecialOrderSettings } from './settings'

export const MILESTONE_KINDS = ['deposit', 'progress', 'final', 'change_request', 'manual'] as const
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]

export const MILESTONE_STATUSES = ['pending', 'paid', 'waived', 'cancelled', 'refunded'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

export const FUNDING_STATUSES = ['draft', 'awaiting_deposit', 'partially_funded', 'funded', 'partially_refunded', 'refunded', 'cancelled'] as const
export type FundingStatus = (typeof FUNDING_STATUSES)[number]

/** One part of a funding plan as the builder plans it (before its installment exists). */
export type PlannedMilestone = {
  sequence: number
  kind: MilestoneKind
  label: string
  amount: Cents
  requiredBeforeStaffing: boolean
  requiredBeforeDelivery: boolean
  dueAt: Date
}

/** What the gates know of a milestone. */
export type MilestoneFact = { sequence: number; label: string; amount: Cents; status: MilestoneStatus; requiredBeforeStaffing: boolean; requiredBeforeDelivery: boolean }

/** The deposit is due this long after acceptance. */
export const DEPOSIT_DUE_DAYS = 3
/** The balance is due this long after acceptance when no duration says otherwise. */
export const BALANCE_DUE_DAYS = 14

const DAY_MS = 24 * 3600 * 1000

/** The deposit of a total: its percentage rounded half up to a cent, at least the minimum, never more than the total. */
export const depositOf = (total: Cents, settings: Pick<SpecialOrderSettings, 'defaultDepositPercent' | 'minimumDeposit'>): Cents => {
  const percent = Math.min(100, Math.max(0, settings.defaultDepositPercent))
  return Math.min(total, Math.max(multiply(total, percent * 100), Math.max(0, settings.minimumDeposit)))
}

export type PlanTerms = {
  /** The order's configuration asks for the whole total before delivery, whatever the website says. */
  requiresFullPayment?: boolean
  /** Days the work takes (a configuration's duration): the balance is due then. */
  durationDays?: number | null
  now: Date
}

/**
 * The default plan of an accepted total (reference §10.1): a deposit (required before
 * staffing when the website says so) and the balance as the final milestone (required
 * before delivery when the website or the configuration asks for full payment). A
 * deposit that is the whole total, or a website without installments, makes one
 * milestone of it all, required before staffing and delivery as the deposit and the
 * balance would have been.
 */
export const buildFundingPlan = (total: Cents, settings: SpecialOrderSettings, terms: PlanTerms): PlannedMilestone[] => {
  if (!Number.isSafeInteger(total) || total <= 0) throw new RangeError('a funding plan needs a total of more than 0 cents')
  const fullBeforeDelivery = settings.requireFullPaymentBeforeDelivery || terms.requiresFullPayment === true
  const depositDue = new Date(terms.now.getTime() + DEPOSIT_DUE_DAYS * DAY_MS)
  const deposit = settings.allowInstallments ? depositOf(total, settings) : total
  if (deposit >= total || deposit <= 0) {
    return [{ sequence: 1, kind: 'deposit', label: 'Full payment', amount: total, requiredBeforeStaffing: settings.requireDepositBeforeStaffing || !settings.allowInstallments, requiredBeforeDelivery: fullBeforeDelivery, dueAt: depositDue }]
  }
  const days = Math.max(DEPOSIT_DUE_DAYS + 1, terms.durationDays ?? BALANCE_DUE_DAYS)
  return [
    { sequence: 1, kind: 'deposit', label: 'Deposit', amount: deposit, requiredBeforeStaffing: settings.requireDepositBeforeStaffing, requiredBeforeDelivery: fullBeforeDelivery, dueAt: depositDue },
    { sequence: 2, kind: 'final', label: 'Balance', amount: total - deposit, requiredBeforeStaffing: false, requiredBeforeDelivery: fullBeforeDelivery, dueAt: new Date(terms.now.getTime() + days * DAY_MS) },
  ]
}

/** Paid, or waived by an admin: the gates count both as settled. */
export const settled = (status: MilestoneStatus): boolean => status === 'paid' || status === 'waived'

const owing = (milestones: readonly MilestoneFact[]) => milestones.filter((m) => m.status === 'pending').sort((a, b) => a.sequence - b.sequence)

const describe = (m: MilestoneFact) => `the ${m.label.toLowerCase()} (milestone ${m.sequence})`
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Why work may not be staffed yet: the first unpaid milestone required before staffing, or null. */
export const staffingRefusal = (milestones: readonly MilestoneFact[]): string | null => {
  const first = owing(milestones).find((m) => m.requiredBeforeStaffing)
  return first ? `${capital(describe(first))} is unpaid: it must be paid before a writer is assigned.` : null
}

/** The plan's funding status from its live milestones (cancelled and refunded ones leave it). */
export const fundingStatusOf = (milestones: readonly MilestoneFact[]): FundingStatus => {
  const live = milestones.filter((m) => m.status !== 'cancelled' && m.status !== 'refunded')
  if (live.length === 0) return 'draft'
  const done = live.filter((m) => settled(m.status)).length
  return done === live.length ? 'funded' : done === 0 ? 'awaiting_deposit' : 'partially_funded'
}

export type DeliveryPlan = {
  milestones: readonly MilestoneFact[]
  /** An admin unlocked delivery (`unlockDelivery`, with a reason). */
  deliveryUnlocked: boolean
  /** The order's configuration requires full payment. */
  requiresFullPayment?: boolean
}

/**
 * Why final files may not be delivered yet, or null: unless an admin unlocked it, the
 * whole plan must be funded where the website (or the configuration) requires full
 * payment before delivery, and every milestone flagged required before delivery paid.
 */
export const deliveryRefusal = (plan: DeliveryPlan, settings: Pick<SpecialOrderSettings, 'requireFullPaymentBeforeDelivery'>): string | null => {
  if (plan.deliveryUnlocked) return null
  const unpaid = owing(plan.milestones)
  if (settings.requireFullPaymentBeforeDelivery || plan.requiresFullPayment) {
    const first = unpaid[0]
    if (first) return `Delivery is locked until the plan is funded: ${describe(first)} is unpaid.`
  }
  const required = unpaid.find((m) => m.requiredBeforeDelivery)
  return required ? `Delivery is locked: ${describe(required)} must be paid first.` : null
}

/** Where a special order waiting for its money stands once its plan has moved. */
export const statusAfterFunding = (milestones: readonly MilestoneFact[]): 'awaiting_payment' | 'partially_funded' | 'ready_for_staffing' => {
  if (staffingRefusal(milestones) === null) return 'ready_for_staffing'
  return milestones.some((m) => settled(m.status)) ? 'partially_funded' : 'awaiting_payment'
}
