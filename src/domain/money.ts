/**
 * Money is integer minor units (cents) everywhere; multipliers are integer basis
 * points (1.45 → 14 500) so that every product is exact before its one rounding.
 */
export type Cents = number
export type BasisPoints = number

export const BASIS = 10_000

export const isCents = (value: unknown): value is Cents => typeof value === 'number' && Number.isSafeInteger(value)

/** A decimal multiplier (as configured, e.g. 1.45) in basis points. */
export const toBasisPoints = (multiplier: number): BasisPoints => Math.round(multiplier * BASIS)

/** Dollars-and-cents (as the reference states prices, e.g. 13.99) in cents. */
export const toCents = (amount: number): Cents => Math.round(amount * 100)

/** cents × multiplier, rounded half up to a cent (amounts are never negative here). */
export const multiply = (cents: Cents, bp: BasisPoints): Cents => {
  if (cents < 0 || bp < 0) throw new RangeError('pricing amounts and multipliers are never negative')
  return Math.floor((cents * bp + BASIS / 2) / BASIS)
}
