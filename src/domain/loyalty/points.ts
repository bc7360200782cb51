import type { Cents } from '@/domain/money'

/** A website's loyalty settings (reference §8.1), money in cents. */
export type LoyaltySettings = {
  /** Points per whole unit of currency paid: 0.1 is the reference's 1 point per 10.00. */
  pointsPerUnit: number
  /** Cents of wallet credit one point converts to: 10 is the reference's 0.10 a point. */
  centsPerPoint: number
  minPointsPerConversion: number
  maxCentsPerConversion: Cents
}

export const DEFAULT_LOYALTY: LoyaltySettings = { pointsPerUnit: 0.1, centsPerPoint: 10, minPointsPerConversion: 100, maxCentsPerConversion: 50_000 }

/** Points earned by an approved order on what the client paid (after any discount), rounded down. */
export const pointsForOrder = (paid: Cents, settings: LoyaltySettings = DEFAULT_LOYALTY): number =>
  // Integer arithmetic: the rate in thousandths of a point per unit, the amount in cents.
  Math.max(0, Math.floor((paid * Math.round(settings.pointsPerUnit * 1000)) / 100_000))

/** The rule a refused conversion broke (the 422's `data.rule`). */
export type ConversionRule = 'whole_points' | 'minimum' | 'multiple' | 'insufficient_points' | 'maximum'

export type ConversionOutcome = { ok: true; points: number; credit: Cents } | { ok: false; field: 'points'; rule: ConversionRule; message: string }

/**
 * Points into wallet credit: at least the minimum, no more than the balance, the credit
 * no more than the maximum per conversion. Whole points only; with `inMultiples`, whole
 * multiples of the minimum too (the reference's conversions go in steps of the minimum:
 * an endpoint refuses what it would otherwise silently round down).
 */
export const convertPoints = (requested: number, balance: number, settings: LoyaltySettings = DEFAULT_LOYALTY, { inMultiples = false } = {}): ConversionOutcome => {
  const refuse = (rule: ConversionRule, message: string): ConversionOutcome => ({ ok: false, field: 'points', rule, message })
  if (!Number.isSafeInteger(requested) || requested <= 0) return refuse('whole_points', 'A whole number of points above 0.')
  if (requested < settings.minPointsPerConversion) return refuse('minimum', `At least ${settings.minPointsPerConversion} points per conversion.`)
  if (inMultiples && requested % settings.minPointsPerConversion !== 0) return refuse('multiple', `In multiples of ${settings.minPointsPerConversion} points.`)
  const maxPoints = Math.floor(settings.maxCentsPerConversion / settings.centsPerPoint)
  if (requested > maxPoints) return refuse('maximum', `At most ${maxPoints} points per conversion.`)
  if (requested > balance) return refuse('insufficient_points', `More than the ${balance} points you have.`)
  return { ok: true, points: requested, credit: requested * settings.centsPerPoint }
}

export type Tier = { name: string; threshold: number }

/** The client's tier: the highest threshold at or below the balance; and the next one, with the points still needed. */
export const tierOf = (balance: number, tiers: readonly Tier[]): { tier: Tier | null; nextTier: Tier | null; pointsToNextTier: number | null } => {
  const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold)
  const tier = sorted.filter((t) => t.threshold <= balance).at(-1) ?? null
  const nextTier = sorted.find((t) => t.threshold > balance) ?? null
  return { tier, nextTier, pointsToNextTier: nextTier ? nextTier.threshold - balance : null }
}

/**
 * What reversing an order's points takes back from a balance that may have been spent
 * since: never below zero; what could not be taken back is recorded, not forgotten.
 */
export const reversePoints = (earned: number, balance: number): { reversed: number; unrecovered: number } => {
  const reversed = Math.min(earned, Math.max(0, balance))
  return { reversed, unrecovered: earned - reversed }
}
