import type { CollectionBeforeLoginHook } from 'payload'

import { SecondFactorNeeded } from '@/errors'
import type { User } from '@/payload-types'
import { loginAttemptOf } from '@/operations/logins/screenLoginAttempt'
import { secondFactorChallengeFor } from '@/operations/twoFactor/login'
import { forgiveLoginAttempt } from '@/security/loginAttempts'

/**
 * After the password, before any token: a person with a second factor (or required to
 * have one) gets a challenge instead (`SecondFactorNeeded`, answered 200 by
 * `answerSecondFactor`). Throwing here rolls back the session Payload just opened. The
 * password was right, so the failed-login count forgets this attempt as a success would.
 */
export const requireSecondFactor: CollectionBeforeLoginHook<User> = async ({ req, user }) => {
  const needed = await secondFactorChallengeFor(req, user)
  if (!needed) return user
  const attempt = loginAttemptOf(req)
  if (attempt) await forgiveLoginAttempt(attempt.email, attempt.address, attempt.windowS)
  throw new SecondFactorNeeded(needed)
}
