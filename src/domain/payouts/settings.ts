/**
 * A website's payout rules (reference §6.7, §12.6): bi-weekly payment windows, payout
 * requests that expire when nobody decides them, one open request per writer at a time.
 */
export type PayoutSettings = {
  /** Length of a payment window in days (14 = bi-weekly). */
  windowDays: number
  /** Days a payout request may stay pending before the platform releases its hold. */
  requestExpiryDays: number
  /** Pending payout requests a writer may have at once (reference: one). */
  maxOpenRequests: number
}

export const DEFAULT_PAYOUTS: PayoutSettings = { windowDays: 14, requestExpiryDays: 14, maxOpenRequests: 1 }

/** How an admin paid a writer outside the platform (there is no automated rail). */
export const PAYOUT_METHODS = ['bank_transfer', 'paypal', 'wise', 'other'] as const
export type PayoutMethod = (typeof PAYOUT_METHODS)[number]
