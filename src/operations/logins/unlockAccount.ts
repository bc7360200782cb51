import { Forbidden, type PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { unlockLinkState } from '@/domain/logins/throttle'
import { ClientError } from '@/errors'
import { recordUnlock } from '@/hooks/auditSecurity'
import type { User } from '@/payload-types'
import { hashLinkToken, LINK_TOKEN_PATTERN } from '@/security/linkToken'
import { liftAccountLockouts } from '@/security/loginAttempts'
import { clientIp, consume } from '@/security/rateLimits'

import { publicRequest, visibleDoc } from '../gate'

export const UNLOCK_LINK_NOT_FOUND = 'This unlock link does not exist or has expired.'
export const UNLOCK_LINK_USED = 'This unlock link was already used. Log in, or use "Forgot password" if you still cannot.'
export const UNLOCKED = 'Every lockout of your account is lifted. If the failed logins were not yours, choose a new password now.'

/**
 * The owner follows the unlock link mailed past the account-wide ceiling
 * (`alertLoginFailures`): every lockout of the account is lifted, from every address, and
 * the link is spent. An unknown or expired token is a 404 (the answer of any dead link), a
 * spent one a 409; of two uses at once exactly one wins (the row's update is the claim).
 * Counted against the website's per-address login limit, as a login is.
 */
export const unlockByLink = async (req: PayloadRequest, token: string, now = new Date()): Promise<{ message: string }> => {
  const { tenant } = await publicRequest(req, 'unlock link')
  await consume(req, tenant, 'loginPerIpPerMinute', clientIp(req))
  if (!LINK_TOKEN_PATTERN.test(token)) throw new ClientError(UNLOCK_LINK_NOT_FOUND, 404)
  const hash = hashLinkToken(token)
  const user = await req.payload.db.findOne<User>({ collection: 'users', where: { unlockTokenHash: { equals: hash } }, req })
  const state = user ? unlockLinkState({ expiresAt: user.unlockTokenExpiresAt, usedAt: user.unlockTokenUsedAt }, now) : 'expired'
  if (!user || state === 'expired') throw new ClientError(UNLOCK_LINK_NOT_FOUND, 404)
  if (state === 'used') throw new ClientError(UNLOCK_LINK_USED, 409)
  const claimed = await execute<{ id: number }>(
    req,
    sql`UPDATE users SET unlock_token_used_at = ${now.toISOString()} WHERE id = ${user.id} AND unlock_token_hash = ${hash} AND unlock_token_used_at IS NULL RETURNING id`,
  )
  if (claimed.length === 0) throw new ClientError(UNLOCK_LINK_USED, 409)
  await liftAccountLockouts(user.email)
  await recordUnlock(req, user, 'link')
  req.payload.logger.info({ userId: user.id }, 'account lockouts lifted by the owner’s unlock link')
  return { message: UNLOCKED }
}

/**
 * Staff lift every lockout of a user's account: the caller must see the user (404
 * otherwise) and may unlock them by the collection's `unlock` access (an admin of one of
 * their websites, a superadmin anyone), else 403. Through Payload's own unlock operation,
 * whose hook (`liftLockoutsOnUnlock`) lifts the lockouts and writes the trace, so the
 * admin panel, REST `/api/users/unlock` and GraphQL do the same.
 */
export const unlockUser = async (req: PayloadRequest, id: number): Promise<{ message: string; user: number }> => {
  const { doc } = await visibleDoc(req, 'users', id)
  try {
    // Payload's generated type asks a password of `unlock` too; its operation reads only the email.
    const data = { email: doc.email } as { email: string; password: string }
    await req.payload.unlock({ collection: 'users', data, overrideAccess: false, req })
  } catch (error) {
    if (error instanceof Forbidden) throw new ClientError('Only an admin of the user’s website (or a superadmin) lifts their lockouts.', 403)
    throw error
  }
  return { message: 'Every lockout of the account is lifted.', user: doc.id }
}
