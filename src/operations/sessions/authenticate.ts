import { type AuthStrategy, type AuthStrategyFunctionArgs, type AuthStrategyResult, JWTAuthentication, type Payload, type PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { impersonationOver } from '@/domain/sessions/impersonation'
import { ACTIVITY_WRITE_EVERY_S, idleExpired, sessionEndsAt } from '@/domain/sessions/policy'
import type { User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'
import { signedImpersonator } from '@/security/impersonationClaim'
import { claimActivityWrite, ENDED, lastActivity, recordActivity } from '@/security/sessionActivity'
import { cachedUser, dropCachedUser, rememberUser, userCacheGeneration } from '@/security/userCache'

import { endSessions } from './end'
import { markImpersonation } from './impersonating'
import { endImpersonation } from './impersonation'
import { openSession } from './open'
import { sessionPolicyFor } from './websiteSettings'

export const SESSION_IDLE_TIMEOUT_HEADER = 'X-Session-Idle-Timeout'
export const SESSION_EXPIRES_AT_HEADER = 'X-Session-Expires-At'
/**
 * Sent with background requests (a banner's or a badge's polling): the session is checked
 * but not kept alive by them, so a tab left open still reaches its idle timeout.
 */
export const SESSION_PASSIVE_HEADER = 'X-Session-Passive'

type SessionUser = User & { _sid?: string; sessions?: { id: string; createdAt?: string | null; expiresAt: string }[] | null }

/**
 * An impersonation session's request (its token names the staff member): over after 30
 * minutes from its start (ended, and the stop recorded), else marked on the request
 * (`impersonationOf`) and written to the trail with both users — every request of an
 * impersonation, reads included, is in the audit trail. Answers false when it is over.
 */
const impersonatedRequest = async (req: PayloadRequest, by: ReturnType<typeof signedImpersonator>, user: SessionUser, sid: string, now: number): Promise<boolean> => {
  if (by === null) return true
  const session = user.sessions?.find((s) => s.id === sid)
  const startedAt = session?.createdAt ? new Date(session.createdAt).getTime() : 0
  const website = actorFromUser(user).tenantIds[0] ?? null
  if (impersonationOver(startedAt, now)) {
    await endImpersonation(req, { sid, user: user.id, website }, by, 'impersonation_expired')
    return false
  }
  markImpersonation(req, { by, sid, startedAt })
  const path = req.pathname ?? (req.url ? new URL(req.url).pathname : null)
  // `req.user` is set only once the strategies are done: the actor is named here.
  const actor = { id: user.id, email: user.email ?? null, role: user.roles?.[0] ?? null }
  await recordSecurityEvent(req, { kind: 'access', action: 'impersonated_request', tenant: website, actor, changes: { method: req.method ?? null, path } })
  return true
}

/**
 * The session's last activity when the store has none (a restart without Redis, a
 * flushed Redis): the database's stamp, at most a minute old. A session Payload made
 * without a sign-in of ours (a password reset logs in) gets its row now.
 */
const storedActivity = async (req: PayloadRequest, user: SessionUser, sid: string): Promise<number> => {
  const [row] = await execute<{ at: string | null; ended: string | null }>(req, sql`SELECT last_activity_at AS at, ended_at AS ended FROM login_sessions WHERE sid = ${sid}`)
  if (row?.ended) return ENDED
  if (row?.at) return new Date(row.at).getTime()
  await openSession(req, user, sid)
  return Date.now()
}

/**
 * Payload's own JWT check (the token from header or cookie, its signature, its session
 * among the person's sessions) on a Payload whose read of the person answers from the
 * user cache (`src/security/userCache.ts`): a known session costs no database read. A
 * cached person without the token's session (a sign-in newer than the entry) is read
 * again once; `fresh` reads the database whatever the cache holds. Answers whether the
 * person came from the cache.
 */
const verifiedUser = async (args: AuthStrategyFunctionArgs, fresh = false): Promise<{ result: AuthStrategyResult; cached: boolean }> => {
  const payload = args.payload
  let cachedId: number | null = null
  const reading = Object.create(payload) as Payload
  const findUser = async (options: Parameters<Payload['findByID']>[0]) => {
    // Payload's own read, its options passed on as JWTAuthentication wrote them (overrideAccess: true, the token's user).
    // eslint-disable-next-line scriptorium/local-api-states-access
    const read = () => payload.findByID(options)
    if (options.collection !== 'users') return read()
    const id = Number(options.id)
    const hit = fresh ? null : cachedUser(id)
    if (hit) {
      cachedId = id
      return hit
    }
    const started = userCacheGeneration()
    const doc = await read()
    if (doc) rememberUser(id, doc as unknown as Record<string, unknown>, started)
    return doc
  }
  reading.findByID = findUser as Payload['findByID']
  const result = await JWTAuthentication({ ...args, payload: reading })
  if (result.user || cachedId === null) return { result, cached: cachedId !== null }
  dropCachedUser(cachedId)
  return verifiedUser(args, true)
}

/**
 * Payload's JWT check, then ours: the session must not have sat idle past its role's
 * timeout on the person's websites (`src/domain/sessions/policy.ts`). An idle session is
 * ended (its id leaves Payload's sessions, so Payload's own strategy after this one
 * refuses the token too). An active one is stamped (Redis or memory; the database at
 * most once a minute) and its answer says when it will end if left alone.
 *
 * Registered before Payload's `local-jwt` (a collection's strategies run first), which
 * then only runs for requests this one found no user for.
 */
export const authenticateSession = async (args: AuthStrategyFunctionArgs) => {
  let { result, cached } = await verifiedUser(args)
  const by = result.user ? signedImpersonator(args.headers, args.payload, result.user as SessionUser) : null
  // An impersonation is audited request by request and ends by the clock of its
  // session's row: it is always read from the database.
  if (cached && by !== null) ({ result, cached } = await verifiedUser(args, true))
  const user = result.user as SessionUser | null
  const sid = user?._sid
  if (!user || !sid || !args.req) return result
  const req = args.req as PayloadRequest
  const now = Date.now()
  const policy = await sessionPolicyFor(args.payload, user)
  const last = (await lastActivity(sid)) ?? (await storedActivity(req, user, sid))
  if (last === ENDED || idleExpired(last, now, policy.idleMinutes)) {
    if (last !== ENDED) await endSessions(req, user.id, [sid], 'idle')
    return { user: null }
  }
  if (!(await impersonatedRequest(req, by, user, sid, now))) return { user: null }
  const passive = args.headers.get(SESSION_PASSIVE_HEADER) === '1'
  if (!passive) {
    await recordActivity(sid, now)
    if (await claimActivityWrite(sid, now, ACTIVITY_WRITE_EVERY_S)) {
      await execute(req, sql`UPDATE login_sessions SET last_activity_at = ${new Date(now).toISOString()}::timestamptz WHERE sid = ${sid}`)
    }
  }
  const absolute = user.sessions?.find((s) => s.id === sid)?.expiresAt
  const headers = new Headers({
    [SESSION_IDLE_TIMEOUT_HEADER]: String(policy.idleMinutes * 60),
    // A passive request leaves the end where the last real one put it.
    [SESSION_EXPIRES_AT_HEADER]: sessionEndsAt(passive ? last : now, policy.idleMinutes, absolute ? new Date(absolute) : null).toISOString(),
  })
  return { user: result.user, responseHeaders: headers }
}

export const sessionStrategy: AuthStrategy = { name: 'scriptorium-session', authenticate: authenticateSession }
