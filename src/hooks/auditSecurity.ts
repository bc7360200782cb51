import { AuthenticationError, type CollectionAfterLogoutHook, type CollectionAfterOperationHook, type Config, type PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import type { SecurityAction } from '@/domain/audit/actions'
import { recordSecurityEvent } from '@/operations/audit/record'
import { loginAttemptOf } from '@/operations/logins/screenLoginAttempt'
import { resolveTenant } from '@/operations/resolveTenant'

type AfterErrorHook = NonNullable<NonNullable<Config['hooks']>['afterError']>[number]

type UserLike = { id: number; email?: string | null; roles?: string[] | null; tenants?: { tenant?: number | { id: number } | null }[] | null }

/** The request's website, else the user's first: where a security row belongs. */
const websiteOf = async (req: PayloadRequest, user: UserLike | null): Promise<number | null> => {
  const resolved = await resolveTenant(req).then(
    (r) => r.tenant?.id ?? null,
    () => null,
  )
  if (resolved !== null) return resolved
  return user ? (actorFromUser(user).tenantIds[0] ?? null) : null
}

const record = async (req: PayloadRequest, action: SecurityAction, user: UserLike | null, email?: string | null) => {
  await recordSecurityEvent(req, {
    kind: 'security',
    action,
    tenant: await websiteOf(req, user),
    targetCollection: user ? 'users' : null,
    targetId: user?.id ?? null,
    parties: user ? [user.id] : [],
    actor: { id: user?.id ?? null, email: user?.email ?? email ?? null, role: user?.roles?.[0] ?? null },
  })
}

/**
 * The security rows of the users collection, each on a connection of its own (see
 * `recordSecurityEvent`): a login, a password reset (which logs in too), a reset asked
 * for, a logout.
 */
export const auditAuthOperations: CollectionAfterOperationHook<'users'> = async ({ operation, req, result, args }) => {
  if (operation === 'login' || operation === 'resetPassword') {
    const user = (result as { user?: UserLike } | undefined)?.user ?? null
    if (user) await record(req, operation === 'login' ? 'login' : 'password_reset', user)
  } else if (operation === 'forgotPassword') {
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').toLowerCase().trim().slice(0, 320)
    if (email) await record(req, 'password_reset_requested', null, email)
  }
  return result
}

export const auditLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as UserLike | null
  if (user) await record(req, 'logout', user)
}

/**
 * A refused login (wrong password, unknown email, another website's account), REST or
 * GraphQL: its row is written on its own connection, so it stays although the request
 * rolled back everything else. The email tried is kept (never the password).
 */
export const recordFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!(original instanceof AuthenticationError)) return
  const attempt = loginAttemptOf(req)
  if (!attempt) return
  const user = (await req.payload.db.findOne({ collection: 'users', where: { email: { equals: attempt.email } } }).catch(() => null)) as UserLike | null
  await recordSecurityEvent(req, {
    kind: 'security',
    action: 'login_failed',
    tenant: await websiteOf(req, null),
    targetCollection: user ? 'users' : null,
    targetId: user?.id ?? null,
    parties: user ? [user.id] : [],
    actor: { id: null, email: attempt.email, role: null },
  })
}
