import { BASIS, type Cents, multiply } from '@/domain/money'

/** How a fine type computes its amount (reference §7 FineTypeConfig.calculation_type). */
export const FINE_CALCULATIONS = ['fixed', 'percentage', 'progressive_hourly'] as const
export type FineCalculation = (typeof FINE_CALCULATIONS)[number]

/** What a percentage is of: the writer's pay for the order (default) or the order's total. */
export const FINE_BASES = ['writer_pay', 'order_total'] as const
export type FineBase = (typeof FINE_BASES)[number]

/** The lateness fine's code: issued by the platform on a late submission, never by hand. */
export const LATE_SUBMISSION = 'late_submission'

/**
 * A fine type's terms. Amounts in cents; `percent` in whole percent of `base`;
 * `min`/`max` bound a computed (not a staff-set) amount.
 */
export type FineTypeTerms = {
  code: string
  name: string
  calculation: FineCalculation
  amount: Cents
  percent: number
  base: FineBase
  min: Cents | null
  max: Cents | null
  active: boolean
}

const fixed = (code: string, name: string, amount: Cents): FineTypeTerms => ({ code, name, calculation: 'fixed', amount, percent: 0, base: 'writer_pay', min: null, max: null, active: true })
const percentage = (code: string, name: string, percent: number, min: Cents | null = null, max: Cents | null = null): FineTypeTerms => ({
  code,
  name,
  calculation: 'percentage',
  amount: 0,
  percent,
  base: 'writer_pay',
  min,
  max,
  active: true,
})

/**
 * The platform's fine types (the reference's seeded defaults, §7); a website's
 * `fine-types` rows override one by code or add their own codes.
 */
export const DEFAULT_FINE_TYPES: readonly FineTypeTerms[] = [
  { code: LATE_SUBMISSION, name: 'Late submission', calculation: 'progressive_hourly', amount: 0, percent: 0, base: 'writer_pay', min: null, max: null, active: true },
  percentage('quality_issue', 'Quality issue', 10, 500, 5000),
  fixed('privacy_violation', 'Privacy violation', 5000),
  percentage('excessive_revisions', 'Excessive revisions', 5),
  percentage('late_reassignment', 'Late reassignment', 15),
  percentage('dropping_order_late', 'Dropping an order late', 20, 1000),
  fixed('wrong_files', 'Wrong files', 1000),
  fixed('plagiarism', 'Plagiarism', 10_000),
  percentage('inactivity', 'Inactivity', 25),
  fixed('comm_breach', 'Communication breach', 1500),
]

/** A website's fine types: the defaults with its own rows laid over them by code. */
export const fineTypesFor = (overrides: readonly FineTypeTerms[]): FineTypeTerms[] => {
  const byCode = new Map(DEFAULT_FINE_TYPES.map((t) => [t.code, t]))
  for (const row of overrides) byCode.set(row.code, row)
  return [...byCode.values()]
}

const clamp = (amount: Cents, min: Cents | null, max: Cents | null): Cents => {
  let out = amount
  if (min != null) out = Math.max(out, min)
  if (max != null) out = Math.min(out, max)
  return out
}

/**
 * A fine's amount in cents. Staff may set their own amount (`overrideAmount`), taken as
 * is. Otherwise: a fixed type's amount; a percentage type's percent of `base` (rounded
 * half up to a cent) kept within its minimum and maximum; a progressive-hourly type's
 * `latePercent` (from the lateness rule) of `base`, within the same bounds.
 */
export const fineAmount = (type: FineTypeTerms, base: Cents, overrideAmount?: Cents | null, latePercent = 0): Cents => {
  if (overrideAmount != null) {
    if (!Number.isSafeInteger(overrideAmount) || overrideAmount < 0) throw new RangeError('a fine is a whole, non-negative number of cents')
    return overrideAmount
  }
  if (type.calculation === 'fixed') return type.amount
  const percent = type.calculation === 'percentage' ? type.percent : latePercent
  return clamp(multiply(Math.max(0, base), Math.round((Math.max(0, percent) * BASIS) / 100)), type.min, type.max)
}

/** Whether the type's amount depends on a base (so the order's pay or total is needed). */
export const needsBase = (type: FineTypeTerms): boolean => type.calculation !== 'fixed'
