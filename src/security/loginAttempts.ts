import type { PayloadRequest } from 'payload'

import { ACCOUNT_FAILURES, LOCKOUT, type LockoutPolicy, lockoutSeconds, locksOut } from '@/domain/logins/throttle'

import { limiterFor, tooMany } from './rateLimits'

/** Counters only: nothing is ever refused for passing these (refusals are set explicitly). */
const COUNT_ONLY = 1_000_000

/**
 * How long an account's unlock generation is remembered: longer than anything keyed by it
 * (a lockout and its count, 24 h), so when it lapses back to 0 no key of an old
 * generation 0 is still alive to come back.
 */
const GENERATION_MEMORY_S = 7 * 24 * 3600
const LONGEST_LOCKOUT_S = Math.max(...LOCKOUT.stepsS)

const pairFailures = (windowS: number) => limiterFor('loginPairFailures', COUNT_ONLY, windowS)
const pairLockouts = () => limiterFor('loginPairLockouts', COUNT_ONLY, LOCKOUT.memoryS)
const pairRefusals = () => limiterFor('loginPairRefusals', 1, LONGEST_LOCKOUT_S)
const accountFailures = () => limiterFor('loginAccountFailures', COUNT_ONLY, ACCOUNT_FAILURES.windowS)
const accountAlerts = () => limiterFor('loginAccountAlerts', COUNT_ONLY, ACCOUNT_FAILURES.windowS)
const lockoutNotices = () => limiterFor('loginLockoutNotices', COUNT_ONLY, ACCOUNT_FAILURES.windowS)
const accountUnlocks = () => limiterFor('loginAccountUnlocks', COUNT_ONLY, GENERATION_MEMORY_S)

/**
 * Every pair key of an account carries the account's unlock generation: lifting all its
 * lockouts (the owner's link, staff) moves the generation on, and the keys of every
 * address at once are left behind to expire, without listing the addresses.
 */
const generationOf = async (email: string): Promise<number> => (await accountUnlocks().get(email))?.consumedPoints ?? 0

/** The pair's keys: its lockout (and their count) whatever the window, its failures per window length. */
const keysOf = (email: string, address: string, generation: number, windowS: number) => {
  const pair = `${generation}|${address}|${email}`
  return { pair, failures: `${windowS}|${pair}` }
}

/** What one counted attempt leaves for the steps after the password check. */
export type CountedAttempt = {
  /** The account's failures across all addresses in the account window, this attempt included. */
  accountCount: number
  /** This attempt, if it fails, locks the pair out: after how many failures, the how-manieth lockout and for how long. */
  lockout: { failures: number; number: number; seconds: number } | null
}

/**
 * Counts a login attempt of `email` from `address` before the password is checked.
 * While the pair is locked out: a 429 with Retry-After, whatever the password. Otherwise
 * the attempt stays counted unless the login succeeds (`forgiveLoginAttempt`), so only
 * failures add up; the attempt that reaches the website's count within its window locks
 * the pair out from now on (a success lifts it again) and starts its count afresh.
 */
export const countLoginAttempt = async (req: PayloadRequest, email: string, address: string, policy: LockoutPolicy): Promise<CountedAttempt> => {
  const keys = keysOf(email, address, await generationOf(email), policy.windowS)
  const refused = await pairRefusals().get(keys.pair)
  if (refused && refused.consumedPoints > 1 && refused.msBeforeNext > 0) {
    throw tooMany(req, 'failed logins from this address for this account', refused.msBeforeNext)
  }
  const failures = await pairFailures(policy.windowS).consume(keys.failures)
  let lockout: CountedAttempt['lockout'] = null
  if (locksOut(failures.consumedPoints, policy)) {
    const number = (await pairLockouts().consume(keys.pair)).consumedPoints
    lockout = { failures: failures.consumedPoints, number, seconds: lockoutSeconds(number) }
    await pairRefusals().block(keys.pair, lockout.seconds)
    await pairFailures(policy.windowS).delete(keys.failures)
  }
  const account = await accountFailures().consume(email)
  return { accountCount: account.consumedPoints, lockout }
}

/**
 * Whether this is the first alert for the account in the current window: one process,
 * one request wins, however many attempts run past the ceiling at once.
 */
export const firstAlertOfWindow = async (email: string): Promise<boolean> => (await accountAlerts().consume(email)).consumedPoints === 1

/** Whether the owner is yet to be told of a lockout of their account in this window (one notice per account and window). */
export const firstLockoutNoticeOfWindow = async (email: string): Promise<boolean> => (await lockoutNotices().consume(email)).consumedPoints === 1

/**
 * A successful login: the pair starts again from zero (its failures, its lockout and the
 * count of its lockouts: the owner proved themselves from there) and the account gets its
 * point back.
 */
export const forgiveLoginAttempt = async (email: string, address: string, windowS: number): Promise<void> => {
  const keys = keysOf(email, address, await generationOf(email), windowS)
  await pairFailures(windowS).delete(keys.failures)
  await pairRefusals().delete(keys.pair)
  await pairLockouts().delete(keys.pair)
  await accountFailures().reward(email)
}

/** Lifts every lockout of the account, from every address, with their counts (the owner's link, staff). */
export const liftAccountLockouts = async (email: string): Promise<void> => {
  await accountUnlocks().consume(email.toLowerCase().trim())
}
