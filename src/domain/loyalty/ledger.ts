/** What moved a client's points (one row of `loyalty-transactions` each). */
export const LOYALTY_KINDS = ['earn', 'convert', 'redeem', 'reversal', 'referral', 'admin', 'expire'] as const
export type LoyaltyKind = (typeof LOYALTY_KINDS)[number]

/** A website's tier as configured: the balance it starts at, its discount on orders and its perks. */
export type LoyaltyTier = { name: string; threshold: number; discountPercent: number; perks: string }

/**
 * The balance after adding `points` (signed) to `balance`: null when it would go below
 * zero, which is never written (the caller refuses or records the shortfall instead).
 */
export const nextBalance = (balance: number, points: number): number | null => {
  const after = balance + points
  return Number.isSafeInteger(after) && after >= 0 ? after : null
}
