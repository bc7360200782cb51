import { BASIS, type Cents, multiply } from '@/domain/money'

/** Why a code does not apply: the `data.rule` of the 422 (issue 14). */
export const DISCOUNT_RULES = [
  'unknown_code',
  'not_started',
  'expired',
  'exhausted',
  'budget_spent',
  'per_client_limit',
  'not_eligible',
  'minimum_not_met',
  'first_order_only',
] as const
export type DiscountRule = (typeof DISCOUNT_RULES)[number]

export const DISCOUNT_ORIGINS = ['manual', 'first_order', 'holiday', 'loyalty', 'referral', 'campaign', 'spend_tier', 'system'] as const
export type DiscountOrigin = (typeof DISCOUNT_ORIGINS)[number]

/** A discount as the rules read it (reference §5); money in cents, percentages in whole percent. */
export type DiscountTerms = {
  code: string
  origin: DiscountOrigin
  kind: 'percentage' | 'fixed'
  /** Percent (0 < v ≤ 100) or cents (> 0). */
  value: number
  maxDiscount: Cents | null
  minPayable: Cents
  startsAt: Date | null
  endsAt: Date | null
  /** Usages of every client; null: no limit. */
  usageLimit: number | null
  perClientLimit: number | null
  firstOrderOnly: boolean
  /** Client ids; empty: everyone. */
  eligibleClients: readonly number[]
  minLifetimeSpend: Cents
  /** An active discount whose campaign is open; false for a disabled one or a closed campaign. */
  active: boolean
  /** What its campaign may still give; null: no budget. */
  campaignBudgetLeft: Cents | null
}

/** Terms of an automatic discount: everything the code rules read, without limits. */
export const automaticTerms = (terms: Pick<DiscountTerms, 'origin' | 'kind' | 'value' | 'maxDiscount'> & Partial<DiscountTerms>): DiscountTerms => ({
  code: '',
  minPayable: 0,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  perClientLimit: null,
  firstOrderOnly: false,
  eligibleClients: [],
  minLifetimeSpend: 0,
  active: true,
  campaignBudgetLeft: null,
  ...terms,
})

/** What is known of the client and the payable when the code is tried. */
export type DiscountContext = {
  now: Date
  clientId: number
  subtotal: Cents
  usages: number
  clientUsages: number
  /** The client has a fully paid order (or other payable) already. */
  hasPaidBefore: boolean
  lifetimeSpend: Cents
}

export type DiscountOutcome = { ok: true; discount: Cents; total: Cents } | { ok: false; rule: DiscountRule }

/**
 * The discount on `subtotal`: a percentage of it or a fixed amount, capped by the
 * discount's maximum and never above the subtotal. Rounded half up to a cent.
 */
export const discountAmount = (terms: Pick<DiscountTerms, 'kind' | 'value' | 'maxDiscount'>, subtotal: Cents): Cents => {
  const raw = terms.kind === 'percentage' ? multiply(subtotal, Math.round((terms.value * BASIS) / 100)) : terms.value
  const capped = terms.maxDiscount === null ? raw : Math.min(raw, terms.maxDiscount)
  return Math.max(0, Math.min(capped, subtotal))
}

/**
 * Whether the code applies to this client and payable, and for how much: the first rule
 * that fails, in the order a client can act on (wrong code, wrong time, used up, not for
 * them, too small a payable).
 */
export const evaluateDiscount = (terms: DiscountTerms | null, ctx: DiscountContext): DiscountOutcome => {
  if (!terms || !terms.active) return { ok: false, rule: 'unknown_code' }
  if (terms.startsAt && ctx.now < terms.startsAt) return { ok: false, rule: 'not_started' }
  if (terms.endsAt && ctx.now >= terms.endsAt) return { ok: false, rule: 'expired' }
  if (terms.usageLimit !== null && ctx.usages >= terms.usageLimit) return { ok: false, rule: 'exhausted' }
  if (terms.campaignBudgetLeft !== null && terms.campaignBudgetLeft <= 0) return { ok: false, rule: 'budget_spent' }
  if (terms.perClientLimit !== null && ctx.clientUsages >= terms.perClientLimit) return { ok: false, rule: 'per_client_limit' }
  if (terms.eligibleClients.length > 0 && !terms.eligibleClients.includes(ctx.clientId)) return { ok: false, rule: 'not_eligible' }
  if (ctx.lifetimeSpend < terms.minLifetimeSpend) return { ok: false, rule: 'not_eligible' }
  if (ctx.subtotal < terms.minPayable) return { ok: false, rule: 'minimum_not_met' }
  if (terms.firstOrderOnly && ctx.hasPaidBefore) return { ok: false, rule: 'first_order_only' }
  // A campaign's budget limits what its last code may give.
  const amount = discountAmount(terms, ctx.subtotal)
  const discount = terms.campaignBudgetLeft === null ? amount : Math.min(amount, terms.campaignBudgetLeft)
  return { ok: true, discount, total: ctx.subtotal - discount }
}

export type Candidate = { terms: DiscountTerms; outcome: DiscountOutcome; entered: boolean }

/**
 * No stacking: one discount per payable. Of the applicable candidates (the automatic
 * first-order discount, the entered code), the larger when the website picks the best
 * (a tie goes to the entered code), else the automatic first-order one.
 */
export const chooseDiscount = (candidates: readonly Candidate[], pickBest: boolean): Candidate | null => {
  const applicable = candidates.filter((c) => c.outcome.ok)
  if (applicable.length === 0) return null
  const amount = (c: Candidate) => (c.outcome.ok ? c.outcome.discount : 0)
  if (!pickBest) return applicable.find((c) => !c.entered) ?? applicable[0]!
  return applicable.reduce((best, c) => (amount(c) > amount(best) || (amount(c) === amount(best) && c.entered) ? c : best))
}
