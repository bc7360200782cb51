import type { CollectionAfterLoginHook } from 'payload'

import { loginAttemptOf } from '@/operations/logins/screenLoginAttempt'
import { forgiveLoginAttempt } from '@/security/loginAttempts'

/**
 * A login that got its token gives its counted attempt back: the (account, address)
 * pair starts from zero, so only failures ever add up. A password reset, which also
 * logs in, counted nothing and gives nothing back.
 */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = loginAttemptOf(req)
  if (attempt) await forgiveLoginAttempt(attempt.email, attempt.address, attempt.windowS)
  return user
}
