import type { PayloadRequest } from 'payload'

import { actorFromUser, actorOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { IMPERSONATION_MINUTES, impersonationEndsAt, impersonationRefusal, portalUrlOf } from '@/domain/sessions/impersonation'
import type { SessionEndReason } from '@/domain/sessions/policy'
import { ClientError, refuseField } from '@/errors'
import type { Tenant, User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'

import { inTransaction } from '../inTransaction'
import { endSessions } from './end'
import { impersonationOf, refuseWhileImpersonating } from './impersonating'
import { issueSession } from './issue'

export type StartedImpersonation = { token: string; portalUrl: string | null; expiresAt: string; session: string; user: { id: number; email: string; name: string } }

type Someone = Pick<User, 'id' | 'email' | 'roles'>

const userById = async (req: PayloadRequest, id: number) => (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } }, req })) as User | null

/** A row of the trail about an impersonation: the staff member acts, the person is its record, both are its parties. */
const impersonationRow = (staff: Someone | null, byId: number, target: number, tenant: number | null, action: 'impersonation_started' | 'impersonation_stopped', changes: Record<string, unknown>) => ({
  kind: 'security' as const,
  action,
  tenant,
  targetCollection: 'users',
  targetId: target,
  // The person's activity feed shows it (by staff); no real-time notice is sent.
  parties: [target, byId],
  changes,
  actor: { id: byId, email: staff?.email ?? null, role: staff?.roles?.[0] ?? null },
  impersonator: byId,
})

/**
 * Starts an impersonation (`POST /api/impersonation`): the caller (an admin or a
 * superadmin, not already acting as someone) acts as `user` for `reason`, under the rules
 * of `impersonationRefusal`. A session of the person's, marked with the staff member and
 * the reason, whose token lasts 30 minutes; the staff member's own session is untouched.
 * Answers the token and the person's portal address carrying it.
 */
export const startImpersonation = async (req: PayloadRequest, input: { user: number; reason: string }): Promise<StartedImpersonation> => {
  const actor = actorOf(req)
  const staff = req.user as unknown as Someone | null
  if (!actor || !staff) throw new ClientError('Log in first.', 401)
  refuseWhileImpersonating(req, 'impersonation')
  if (!actor.allTenants && !actor.roles.includes('admin')) throw new ClientError('Only admins and superadmins may impersonate.', 403)
  const target = await userById(req, input.user)
  if (!target) throw refuseField('users', 'user', 'user: no such person.', 404)
  const party = actorFromUser(target)
  const website = party.tenantIds.find((id) => actor.allTenants || actor.tenantIds.includes(id)) ?? party.tenantIds[0] ?? null
  const tenant = website === null ? null : ((await req.payload.db.findOne({ collection: 'tenants', where: { id: { equals: website } }, req })) as Tenant | null)
  const refusal = impersonationRefusal(actor, { ...party, suspended: target.suspended === true, websiteActive: tenant ? tenant.active !== false : true })
  if (refusal) throw new ClientError(refusal.message, refusal.status, { errors: [{ path: 'user', message: refusal.message }] })

  const issued = await inTransaction(req, () => issueSession(req, target.id, { tokenExpiration: IMPERSONATION_MINUTES * 60, impersonation: { by: actor.id, reason: input.reason, website } }))
  const expiresAt = new Date(issued.exp * 1000).toISOString()
  await recordSecurityEvent(req, impersonationRow(staff, actor.id, target.id, website, 'impersonation_started', { reason: input.reason, session: issued.sid, expiresAt }))
  req.payload.logger.info({ impersonator: actor.id, user: target.id, website }, 'impersonation started')
  const domain = tenant?.domains?.[0]?.domain
  return {
    token: issued.token,
    portalUrl: domain ? portalUrlOf(domain, issued.token) : null,
    expiresAt,
    session: issued.sid,
    user: { id: target.id, email: target.email, name: target.name },
  }
}

type OpenImpersonation = { sid: string; user: number; website: number | null }

/**
 * Ends one impersonation session (stopped, or past its 30 minutes: `reason`) and records
 * it with both users. Safe to call twice: the second finds nothing to end and records
 * nothing.
 */
export const endImpersonation = async (req: PayloadRequest, session: OpenImpersonation, by: number, reason: Extract<SessionEndReason, 'impersonation_stopped' | 'impersonation_expired'>): Promise<boolean> => {
  const ended = await inTransaction(req, () => endSessions(req, session.user, [session.sid], reason))
  if (ended.length === 0) return false
  const staff = await userById(req, by)
  await recordSecurityEvent(req, impersonationRow(staff, by, session.user, session.website, 'impersonation_stopped', { session: session.sid, expired: reason === 'impersonation_expired' }))
  return true
}

/**
 * `POST /api/impersonation/stop`: with the impersonation's own token, ends it; with the
 * staff member's own token, ends the session named by `session`, or, without one, every
 * impersonation they have open. 404 for a session that is not theirs or not open.
 */
export const stopImpersonation = async (req: PayloadRequest, input: { session?: string }): Promise<{ stopped: number }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const current = impersonationOf(req)
  if (current) {
    if (input.session && input.session !== current.sid) throw refuseField('users', 'session', 'session: not this impersonation.', 404)
    const [row] = await execute<{ website_id: number | null }>(req, sql`SELECT website_id FROM login_sessions WHERE sid = ${current.sid}`)
    return { stopped: (await endImpersonation(req, { sid: current.sid, user: actor.id, website: row?.website_id ?? null }, current.by, 'impersonation_stopped')) ? 1 : 0 }
  }
  const only = input.session ? sql` AND sid = ${input.session}` : sql``
  const open = await execute<{ sid: string; user_id: number; website_id: number | null }>(
    req,
    sql`SELECT sid, user_id, website_id FROM login_sessions WHERE impersonator_id = ${actor.id} AND ended_at IS NULL${only}`,
  )
  if (input.session && open.length === 0) throw refuseField('users', 'session', 'session: no open impersonation of yours.', 404)
  let stopped = 0
  for (const row of open) {
    if (await endImpersonation(req, { sid: row.sid, user: Number(row.user_id), website: row.website_id }, actor.id, 'impersonation_stopped')) stopped += 1
  }
  return { stopped }
}

export type ActiveImpersonation = { session: string; user: { id: number; email: string; name: string }; reason: string | null; startedAt: string; expiresAt: string }

/**
 * The caller's impersonations still running (`GET /api/impersonation/active`): the admin
 * panel's banner on the staff member's own session.
 */
export const activeImpersonations = async (req: PayloadRequest): Promise<ActiveImpersonation[]> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const rows = await execute<{ sid: string; user_id: number; email: string; name: string; reason: string | null; started: string; expires: string }>(
    req,
    sql`SELECT ls.sid, ls.user_id, u.email, u.name, ls.impersonation_reason AS reason, us.created_at AS started, us.expires_at AS expires
          FROM login_sessions ls
          JOIN users_sessions us ON us.id = ls.sid AND us._parent_id = ls.user_id
          JOIN users u ON u.id = ls.user_id
         WHERE ls.impersonator_id = ${actor.id} AND ls.ended_at IS NULL AND us.expires_at > now()
           AND us.created_at > now() - make_interval(mins => ${IMPERSONATION_MINUTES})
         ORDER BY us.created_at DESC`,
  )
  return rows.map((row) => {
    const started = new Date(row.started)
    const ends = Math.min(impersonationEndsAt(started.getTime()).getTime(), new Date(row.expires).getTime())
    return { session: row.sid, user: { id: Number(row.user_id), email: row.email, name: row.name }, reason: row.reason, startedAt: started.toISOString(), expiresAt: new Date(ends).toISOString() }
  })
}
