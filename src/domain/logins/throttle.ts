/**
 * How failed logins are held back. Failures are counted per (account, address) pair,
 * across websites: the account is the normalised email, known or not, so a count never
 * tells whether an account exists. A pair that fails the website's number of times within
 * its window is locked out for a growing time (15 min, 1 h, then 24 h); other addresses
 * are never refused for it, so nobody can lock an owner out. Across all addresses an
 * account only raises an alert (staff are told, the owner gets an unlock link).
 */

/** A website's lockout settings as stored (`settings.lockout`); either may be missing. */
export type LockoutSettings = { failures?: number | null; windowMinutes?: number | null } | null | undefined

/** The defaults and the ranges a website may choose from (the settings fields validate these). */
export const LOCKOUT = {
  failures: { default: 5, min: 3, max: 50 },
  windowMinutes: { default: 15, min: 1, max: 1440 },
  /** Lockout lengths of a pair: the first, the second, the third and every later one. */
  stepsS: [15 * 60, 3600, 24 * 3600],
  /** How long a pair's lockouts are remembered without a success (the steps grow within it). */
  memoryS: 24 * 3600,
} as const

export type LockoutPolicy = { failures: number; windowS: number }

const inRange = (value: unknown, range: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max

/** The policy of a website's settings: each value in its range, else the default (no website: the defaults). */
export const lockoutPolicyOf = (settings: LockoutSettings): LockoutPolicy => ({
  failures: inRange(settings?.failures, LOCKOUT.failures) ? settings.failures : LOCKOUT.failures.default,
  windowS: 60 * (inRange(settings?.windowMinutes, LOCKOUT.windowMinutes) ? settings.windowMinutes : LOCKOUT.windowMinutes.default),
})

/** Whether the pair's `failures`-th failure within the window (this attempt included) locks it out. */
export const locksOut = (failures: number, policy: LockoutPolicy): boolean => Number.isFinite(failures) && failures >= policy.failures

/** Seconds the pair's `lockout`-th lockout (1 = the first) lasts: 15 min, 1 h, then 24 h. */
export const lockoutSeconds = (lockout: number): number => {
  const steps = LOCKOUT.stepsS
  const index = Number.isFinite(lockout) ? Math.min(Math.max(Math.trunc(lockout), 1), steps.length) - 1 : 0
  return steps[index]!
}

/**
 * The account-wide count (every address): above the ceiling within one window, staff are
 * told and the owner mailed an unlock link, once per window; the account itself is never
 * locked (its owner's addresses keep working).
 */
export const ACCOUNT_FAILURES = { ceiling: 50, windowS: 3600 } as const

/** Whether an account's count (the current attempt included) is above the ceiling. */
export const aboveAccountCeiling = (counted: number): boolean => counted > ACCOUNT_FAILURES.ceiling

/** The owner's mail has one dedupe key per account and window, whichever process writes it. */
export const accountAlertKey = (userId: number, at: Date): string =>
  `login-failures:${userId}:${Math.floor(at.getTime() / (ACCOUNT_FAILURES.windowS * 1000))}`

/** The owner's unlock link: valid this long, once. */
export const UNLOCK_LINK = { validS: 24 * 3600 } as const

export type UnlockLinkRow = { expiresAt: string | Date | null | undefined; usedAt: string | Date | null | undefined }

/**
 * What a stored unlock link is worth now: `used` once followed (a second use is refused
 * as such), `expired` past its time (or never given), else `valid`.
 */
export const unlockLinkState = (row: UnlockLinkRow, now: Date): 'valid' | 'used' | 'expired' => {
  if (row.usedAt) return 'used'
  const expires = row.expiresAt ? new Date(row.expiresAt) : null
  if (!expires || Number.isNaN(expires.getTime()) || expires <= now) return 'expired'
  return 'valid'
}
