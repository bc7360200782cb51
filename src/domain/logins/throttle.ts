/**
 * How failed logins are held back. Failures are counted per (account, address) pair,
 * across websites: the account is the normalised email, known or not, so a count never
 * tells whether an account exists. A pair that keeps failing is refused for a growing
 * time; other addresses are never refused for it, so nobody can lock an owner out.
 * Across all addresses an account only raises an alert (staff and the owner are told).
 */

/** The pair's rules: free failures, then refusals from one minute doubling to one hour. */
export const PAIR_FAILURES = {
  /** Consecutive failures a pair may make before it is refused. */
  free: 4,
  firstBlockS: 60,
  maxBlockS: 3600,
  /** How long a run of failures is remembered without a success (longer than any refusal). */
  memoryS: 24 * 3600,
} as const

/**
 * Seconds a pair is refused after its `failures`-th consecutive failure: none up to the
 * free count, then 1 min, 2 min, 4 min … at most 1 h.
 */
export const refusalAfterFailures = (failures: number): number => {
  if (!Number.isFinite(failures) || failures <= PAIR_FAILURES.free) return 0
  const doublings = Math.min(failures - PAIR_FAILURES.free - 1, 16)
  return Math.min(PAIR_FAILURES.firstBlockS * 2 ** doublings, PAIR_FAILURES.maxBlockS)
}

/**
 * The account-wide count (every address): above the ceiling within one window, staff
 * and the owner are told, once per window; the account is never locked.
 */
export const ACCOUNT_FAILURES = { ceiling: 50, windowS: 3600 } as const

/** Whether an account's count (the current attempt included) is above the ceiling. */
export const aboveAccountCeiling = (counted: number): boolean => counted > ACCOUNT_FAILURES.ceiling

/** The owner's mail has one dedupe key per account and window, whichever process writes it. */
export const accountAlertKey = (userId: number, at: Date): string =>
  `login-failures:${userId}:${Math.floor(at.getTime() / (ACCOUNT_FAILURES.windowS * 1000))}`
