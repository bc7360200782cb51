import { AuthenticationError, type PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { proofOf } from '@/access/system'
import { aboveAccountCeiling, lockoutPolicyOf } from '@/domain/logins/throttle'
import { mayLogInOn } from '@/domain/logins/website'
import type { User } from '@/payload-types'
import { runDummyPasswordHash } from '@/security/dummyPasswordHash'
import { type CountedAttempt, countLoginAttempt, firstAlertOfWindow } from '@/security/loginAttempts'
import { clientIp, consume } from '@/security/rateLimits'

import { resolveTenant } from '../resolveTenant'
import { alertLoginFailures } from './alertLoginFailures'

export type LoginAttempt = {
  email: string
  address: string
  /** The window the pair's failures were counted in (the website's setting). */
  windowS: number
  /** The lockout this attempt starts if it fails (announced once the refusal is known). */
  lockout: CountedAttempt['lockout']
}

const CONTEXT_KEY = 'scriptoriumLoginAttempt'

/** The attempt this request's login counted, if it counted one (read after a success). */
export const loginAttemptOf = (req: Pick<PayloadRequest, 'context'>): LoginAttempt | null =>
  (req.context[CONTEXT_KEY] as LoginAttempt | undefined) ?? null

/**
 * What runs before Payload looks at a password (REST, GraphQL and Local API logins):
 * the per-address throttle, the (account, address) count that locks a failing pair out
 * (after the website's number of failures within its window: `settings.lockout`),
 * the account-wide count that alerts past its ceiling, and the refusal of an unknown
 * email or an account of another website — after the same password hash a stored
 * password costs, and as the same AuthenticationError a wrong password raises, so the
 * answer and its timing say nothing about the account.
 */
export const screenLoginAttempt = async (req: PayloadRequest, data: { email?: unknown; password?: unknown }): Promise<void> => {
  const { tenant } = await resolveTenant(req)
  const address = clientIp(req)
  await consume(req, tenant, 'loginPerIpPerMinute', address)

  // Normalised as Payload does. Without both Payload answers 400 before any lookup.
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  const password = typeof data.password === 'string' ? data.password : ''
  if (!email || password.trim() === '') return

  const policy = lockoutPolicyOf(tenant?.settings?.lockout)
  const { accountCount, lockout } = await countLoginAttempt(req, email, address, policy)
  req.context[CONTEXT_KEY] = { email, address, windowS: policy.windowS, lockout } satisfies LoginAttempt

  const user = await req.payload.db.findOne<User>({ collection: 'users', where: { email: { equals: email } }, req })
  if (user && aboveAccountCeiling(accountCount) && (await firstAlertOfWindow(email))) {
    // The alert is a side effect of this attempt, not its answer: a failure to write it
    // is logged and the login goes on as it would have.
    await alertLoginFailures(req.payload, proofOf(req), user, accountCount - 1).catch((error: unknown) =>
      req.payload.logger.error({ err: error, userId: user.id }, 'could not record the failed-login alert'),
    )
  }
  if (!user || !mayLogInOn(actorFromUser(user), tenant?.id ?? null)) {
    await runDummyPasswordHash(password)
    throw new AuthenticationError(req.t)
  }
}
