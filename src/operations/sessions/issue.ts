import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

import { execute, sql } from '@/db/execute'
import { IMPERSONATOR_CLAIM } from '@/domain/sessions/impersonation'
import type { User } from '@/payload-types'

import { type ImpersonationOpening, openSession } from './open'

export type IssuedSession = { token: string; exp: number; sid: string; user: User; cookie: string }

/**
 * A session and its token for `userId` without a password check: the second step of a
 * sign-in the caller has already proved (a second factor, a magic link, an impersonation
 * an admin is allowed). The same session Payload's login makes (`users.sessions`, the
 * token's `sid`), then ours (`openSession`: row, limit, notice). `tokenExpiration` (s)
 * shortens the token's life below the collection's (and the session's: Payload's row
 * expires with it). `impersonation`: the session is staff acting as the person; the
 * token carries the staff member's id (`impersonatedBy`, read by the session strategy)
 * and the row the reason. Run it in the caller's transaction.
 */
export const issueSession = async (req: PayloadRequest, userId: number, options: { tokenExpiration?: number; impersonation?: ImpersonationOpening } = {}): Promise<IssuedSession> => {
  const collection = req.payload.collections.users.config
  const user = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as (User & { collection?: string; sessions?: { id: string; createdAt?: string | null }[] }) | null
  if (!user) throw new Error(`user ${userId} vanished while signing in`)
  user.collection = 'users'
  const { sid } = await addSessionToUser({ collectionConfig: collection, payload: req.payload, req, user: user as never })
  if (!sid) throw new Error('the users collection must use sessions')
  const fieldsToSign: Record<string, unknown> = getFieldsToSign({ collectionConfig: collection, email: user.email, sid, user: user as never })
  if (options.impersonation) fieldsToSign[IMPERSONATOR_CLAIM] = options.impersonation.by
  const tokenExpiration = Math.min(options.tokenExpiration ?? collection.auth.tokenExpiration, collection.auth.tokenExpiration)
  if (tokenExpiration < collection.auth.tokenExpiration) {
    const expiresAt = new Date(Date.now() + tokenExpiration * 1000)
    await execute(req, sql`UPDATE users_sessions SET expires_at = ${expiresAt.toISOString()}::timestamptz WHERE id = ${sid}`)
    const session = user.sessions?.find((s) => s.id === sid) as { expiresAt?: Date | string } | undefined
    if (session) session.expiresAt = expiresAt
  }
  const { exp, token } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration })
  await openSession(req, user, sid, options.impersonation)
  const cookie = generatePayloadCookie({ collectionAuthConfig: collection.auth, cookiePrefix: req.payload.config.cookiePrefix, token })
  return { token, exp, sid, user, cookie }
}
