import { APIError, AuthenticationError, type CollectionAfterLogoutHook, type CollectionAfterOperationHook, type Config, type Payload, type PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import type { SecurityAction } from '@/domain/audit/actions'
import { proofOf } from '@/access/system'
import { recordSecurityEvent } from '@/operations/audit/record'
import { announceLockout } from '@/operations/logins/announceLockout'
import { loginAttemptOf } from '@/operations/logins/screenLoginAttempt'
import { resolveTenant } from '@/operations/resolveTenant'
import { firstLockoutNoticeOfWindow } from '@/security/loginAttempts'
import { clientIp, limiterFor } from '@/security/rateLimits'

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

/** A security row about `user` (or an email tried, when nobody's), on the request's or the user's website. */
export const recordUserSecurityEvent = async (req: PayloadRequest, action: SecurityAction, user: UserLike | null, email?: string | null) => {
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
    if (user) await recordUserSecurityEvent(req, operation === 'login' ? 'login' : 'password_reset', user)
  } else if (operation === 'forgotPassword') {
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').toLowerCase().trim().slice(0, 320)
    if (email) await recordUserSecurityEvent(req, 'password_reset_requested', null, email)
  }
  return result
}

export const auditLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as UserLike | null
  if (user) await recordUserSecurityEvent(req, 'logout', user)
}

const FAILURE_RECORDED = 'scriptoriumAuditLoginFailure'

/**
 * One `login_failed` row for the request's refused login, on its own connection, so it
 * stays although the request rolled back everything else. The email tried is kept (never
 * the password). Once per attempt: a Local API login called inside an HTTP request is
 * seen both by the Local API's wrapper and by the request's error hook.
 */
const recordLoginFailure = async (req: PayloadRequest): Promise<void> => {
  const attempt = loginAttemptOf(req)
  // Per attempt, not per request: a request may try twice (each attempt is a new object).
  if (!attempt || req.context[FAILURE_RECORDED] === attempt) return
  req.context[FAILURE_RECORDED] = attempt
  const user = (await req.payload.db.findOne({ collection: 'users', where: { email: { equals: attempt.email } } }).catch(() => null)) as UserLike | null
  const failure = {
    kind: 'security' as const,
    tenant: await websiteOf(req, user),
    targetCollection: user ? 'users' : null,
    targetId: user?.id ?? null,
    parties: user ? [user.id] : [],
    actor: { id: null, email: attempt.email, role: null },
  }
  await recordSecurityEvent(req, { ...failure, action: 'login_failed' })
  // The failure that locked its pair out: the lockout is known only now (a right password
  // on that attempt would have lifted it), so it is recorded and announced here, for a
  // known account and an unknown email alike (the owner is told only of a known one, once
  // per account and window: many addresses get the ceiling's mail instead).
  const { lockout } = attempt
  if (!lockout) return
  const minutes = lockout.seconds / 60
  await recordSecurityEvent(req, { ...failure, action: 'lockout', changes: { address: attempt.address, lockout: lockout.number, minutes } })
  if (user && (await firstLockoutNoticeOfWindow(attempt.email))) {
    await announceLockout(req.payload, proofOf(req), user, failure.tenant, { address: attempt.address, failures: lockout.failures, lockout: lockout.number, minutes }).catch((error: unknown) =>
      req.payload.logger.error({ err: error, userId: user.id }, 'could not tell the owner of a lockout'),
    )
  }
}

/**
 * Every lockout of `user`'s account lifted: by the owner's link (they are the actor) or
 * by staff (the request's user, or the server's own unlock without one).
 */
export const recordUnlock = async (req: PayloadRequest, user: UserLike, by: 'link' | 'staff'): Promise<void> => {
  const staff = req.user as UserLike | null
  const actor = by === 'link' ? user : staff
  await recordSecurityEvent(req, {
    kind: 'security',
    action: 'unlock',
    tenant: await websiteOf(req, user),
    targetCollection: 'users',
    targetId: user.id,
    parties: [user.id],
    changes: { by },
    actor: { id: actor?.id ?? null, email: actor?.email ?? null, role: actor?.roles?.[0] ?? null },
  })
}

const isAuthenticationError = (error: unknown): boolean => ((error as { originalError?: unknown } | null)?.originalError ?? error) instanceof AuthenticationError

/** A refused login (wrong password, unknown email, another website's account) over REST or GraphQL. */
export const recordFailedLogin: AfterErrorHook = async ({ error, req }) => {
  if (isAuthenticationError(error)) await recordLoginFailure(req)
}

const WRAPPED = Symbol.for('scriptorium.auditLocalLogins')

/**
 * The same trace for `payload.login` (the Local API), which Payload's error hooks never
 * see (they run in the HTTP handlers only) and which has no hook of its own on a refusal:
 * the instance's `login` is wrapped once, at init, to record a refused login before
 * rethrowing. It hands Payload the request to use when the caller gave none, so the
 * attempt that `screenLoginAttempt` noted on it can be read back.
 */
export const auditLocalLogins = (payload: Payload): void => {
  const marked = payload as Payload & { [WRAPPED]?: true }
  if (marked[WRAPPED]) return
  marked[WRAPPED] = true
  const login = payload.login
  payload.login = (async (options: Parameters<Payload['login']>[0]) => {
    // Payload completes a request it is given in place (`createLocalReq`, as it does the
    // `{}` it starts from without one): after a refusal its context holds the attempt.
    const req: Partial<PayloadRequest> = options.req ?? {}
    try {
      return await login({ ...options, req })
    } catch (error) {
      if (options.collection === 'users' && isAuthenticationError(error)) await recordLoginFailure(req as PayloadRequest)
      throw error
    }
  }) as Payload['login']
}

/**
 * Throttled rows are cut to the first refusal per address, operation and minute: a flood
 * of refused requests (the limiter answers each with a 429 at the cost of one Redis call)
 * would otherwise write one append-only row per request. Failed logins are already
 * bounded by the limits themselves; these rows only say that a limit was hit.
 */
const throttledTrace = () => limiterFor('auditThrottledAuth', 1, 60)

const isTooMany = (error: unknown): boolean => error instanceof APIError && error.status === 429

/**
 * A login or password reset refused by a rate limit (429): a `login_throttled` or
 * `password_reset_throttled` row, on its own connection, at most once per address and
 * minute (`throttledTrace`); the email tried is kept.
 */
export const recordThrottledAuth = async (req: PayloadRequest, error: unknown, operation: 'login' | 'forgotPassword', email: string): Promise<void> => {
  if (!isTooMany(error)) return
  const first = await throttledTrace()
    .consume(`${operation}|${clientIp(req)}`)
    .then(
      () => true,
      () => false,
    )
  if (!first) return
  const tried = email.slice(0, 320)
  const user = tried ? ((await req.payload.db.findOne({ collection: 'users', where: { email: { equals: tried } } }).catch(() => null)) as UserLike | null) : null
  await recordSecurityEvent(req, {
    kind: 'security',
    action: operation === 'login' ? 'login_throttled' : 'password_reset_throttled',
    tenant: await websiteOf(req, user),
    targetCollection: user ? 'users' : null,
    targetId: user?.id ?? null,
    parties: user ? [user.id] : [],
    actor: { id: null, email: tried || null, role: null },
  })
}
