import type { PayloadRequest } from 'payload'

import { ACCOUNT_FAILURES, PAIR_FAILURES, refusalAfterFailures } from '@/domain/logins/throttle'

import { limiterFor, tooMany } from './rateLimits'

/** Counters only: nothing is ever refused for passing these (refusals are set explicitly). */
const COUNT_ONLY = 1_000_000

const pairFailures = () => limiterFor('loginPairFailures', COUNT_ONLY, PAIR_FAILURES.memoryS)
const pairRefusals = () => limiterFor('loginPairRefusals', 1, PAIR_FAILURES.maxBlockS)
const accountFailures = () => limiterFor('loginAccountFailures', COUNT_ONLY, ACCOUNT_FAILURES.windowS)
const accountAlerts = () => limiterFor('loginAccountAlerts', COUNT_ONLY, ACCOUNT_FAILURES.windowS)

const pairKey = (email: string, address: string) => `${address}|${email}`

/**
 * Counts a login attempt of `email` from `address` before the password is checked.
 * While the pair is refused: a 429 with Retry-After, whatever the password. Otherwise
 * the attempt stays counted unless the login succeeds (`forgiveLoginAttempt`), so only
 * failures add up; a pair whose count earns a refusal is refused from now on, and a
 * success lifts it again. Answers the account's count across all addresses (this
 * attempt included).
 */
export const countLoginAttempt = async (req: PayloadRequest, email: string, address: string): Promise<{ accountCount: number }> => {
  const key = pairKey(email, address)
  const refused = await pairRefusals().get(key)
  if (refused && refused.consumedPoints > 1 && refused.msBeforeNext > 0) {
    throw tooMany(req, 'failed logins from this address for this account', refused.msBeforeNext)
  }
  const pair = await pairFailures().consume(key)
  const refusalS = refusalAfterFailures(pair.consumedPoints)
  if (refusalS > 0) await pairRefusals().block(key, refusalS)
  const account = await accountFailures().consume(email)
  return { accountCount: account.consumedPoints }
}

/**
 * Whether this is the first alert for the account in the current window: one process,
 * one request wins, however many attempts run past the ceiling at once.
 */
export const firstAlertOfWindow = async (email: string): Promise<boolean> => (await accountAlerts().consume(email)).consumedPoints === 1

/** A successful login: the pair starts again from zero and the account gets its point back. */
export const forgiveLoginAttempt = async (email: string, address: string): Promise<void> => {
  const key = pairKey(email, address)
  await pairFailures().delete(key)
  await pairRefusals().delete(key)
  await accountFailures().reward(email)
}
