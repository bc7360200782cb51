import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

import type { User } from '@/payload-types'

import { openSession } from './open'

export type IssuedSession = { token: string; exp: number; sid: string; user: User; cookie: string }

/**
 * A session and its token for `userId` without a password check: the second step of a
 * sign-in the caller has already proved (a second factor, a magic link, an impersonation
 * an admin is allowed). The same session Payload's login makes (`users.sessions`, the
 * token's `sid`), then ours (`openSession`: row, limit, notice). `tokenExpiration` (s)
 * shortens the token's life below the collection's. Run it in the caller's transaction.
 */
export const issueSession = async (req: PayloadRequest, userId: number, options: { tokenExpiration?: number } = {}): Promise<IssuedSession> => {
  const collection = req.payload.collections.users.config
  const user = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as (User & { collection?: string; sessions?: { id: string; createdAt?: string | null }[] }) | null
  if (!user) throw new Error(`user ${userId} vanished while signing in`)
  user.collection = 'users'
  const { sid } = await addSessionToUser({ collectionConfig: collection, payload: req.payload, req, user: user as never })
  if (!sid) throw new Error('the users collection must use sessions')
  const fieldsToSign = getFieldsToSign({ collectionConfig: collection, email: user.email, sid, user: user as never })
  const tokenExpiration = Math.min(options.tokenExpiration ?? collection.auth.tokenExpiration, collection.auth.tokenExpiration)
  const { exp, token } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration })
  await openSession(req, user, sid)
  const cookie = generatePayloadCookie({ collectionAuthConfig: collection.auth, cookiePrefix: req.payload.config.cookiePrefix, token })
  return { token, exp, sid, user, cookie }
}
