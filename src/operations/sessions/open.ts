import type { PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import type { SecurityAction } from '@/domain/audit/actions'
import { deviceLabel } from '@/domain/sessions/deviceLabel'
import { sessionsOverLimit } from '@/domain/sessions/policy'
import type { User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'
import { notify } from '@/operations/notifications/notify'
import { clientIp } from '@/security/rateLimits'
import { recordActivity } from '@/security/sessionActivity'

import { resolveTenant } from '../resolveTenant'
import { endSessions } from './end'
import { sessionPolicyFor } from './websiteSettings'

type SessionUser = Pick<User, 'id' | 'email' | 'roles' | 'tenants'> & { sessions?: { id: string; createdAt?: string | Date | null }[] | null }

/** A session that is staff acting as the person: who, why, and the person's website. */
export type ImpersonationOpening = { by: number; reason: string; website: number | null }

/**
 * A new session of `user` (Payload made it: `sid`): its row (device, address, website),
 * its first activity, the oldest sessions past the role's limit signed out, and a notice
 * to the owner when the device and address were never seen on this account before (a
 * first sign-in ever is not news to anyone).
 *
 * An impersonation session (`impersonation`) is the staff member's, not the person's: it
 * records who and why, does not count toward the person's limit (it never signs them out
 * of a device of theirs, nor is it ended by their next sign-in) and sends no notice (the
 * person reads it in their activity instead).
 */
export const openSession = async (req: PayloadRequest, user: SessionUser, sid: string, impersonation?: ImpersonationOpening): Promise<void> => {
  const now = new Date()
  const website = impersonation
    ? impersonation.website
    : await resolveTenant(req).then(
        (r) => r.tenant?.id ?? null,
        () => null,
      )
  const userAgent = req.headers?.get?.('user-agent')?.slice(0, 512) ?? null
  const device = deviceLabel(userAgent)
  const address = req.headers ? clientIp(req) : 'unknown'
  const [seen] = await execute<{ known: boolean; any: boolean; acted: string[] | null }>(
    req,
    sql`SELECT bool_or(device_label = ${device} AND address = ${address} AND impersonator_id IS NULL) AS known,
               count(*) FILTER (WHERE impersonator_id IS NULL) > 0 AS any,
               array_agg(sid) FILTER (WHERE impersonator_id IS NOT NULL) AS acted
        FROM login_sessions WHERE user_id = ${user.id} AND sid <> ${sid}`,
  )
  await execute(
    req,
    sql`INSERT INTO login_sessions (sid, user_id, website_id, device_label, user_agent, address, last_activity_at, impersonator_id, impersonation_reason, updated_at, created_at)
        VALUES (${sid}, ${user.id}, ${website}, ${device}, ${userAgent}, ${address.slice(0, 64)}, ${now.toISOString()}::timestamptz,
                ${impersonation?.by ?? null}, ${impersonation?.reason ?? null}, now(), now())
        ON CONFLICT (sid) DO NOTHING`,
  )
  await recordActivity(sid, now.getTime())
  if (impersonation) return

  const policy = await sessionPolicyFor(req.payload, user)
  // Staff acting as the person hold sessions of theirs that are not the person's own.
  const acted = new Set(seen?.acted ?? [])
  const open = (user.sessions ?? []).filter((s) => !acted.has(s.id)).map((s) => ({ id: s.id, createdAt: s.createdAt ?? now }))
  const over = sessionsOverLimit(open, policy.maxSessions).filter((s) => s.id !== sid)
  if (over.length > 0) {
    const ended = await endSessions(req, user.id, over.map((s) => s.id), 'limit')
    await recordSecurityEvent(req, securityRow(user, website, 'session_limit', { ended: ended.length, limit: policy.maxSessions }))
  }

  const tenant = website ?? actorFromUser(user).tenantIds[0] ?? null
  if (seen?.any && !seen.known && tenant !== null) {
    await notify(req, { event: 'account.new_sign_in', recipients: [user.id], tenant, data: { device, address, at: now.toISOString() }, key: `account.new_sign_in:${sid}` })
  }
}

/** A security row about `user`'s sessions, on its own connection like every security event. */
export const securityRow = (user: Pick<User, 'id' | 'email' | 'roles'>, tenant: number | null, action: SecurityAction, changes?: Record<string, unknown>) => ({
  kind: 'security' as const,
  action,
  tenant,
  targetCollection: 'users',
  targetId: user.id,
  parties: [user.id],
  changes: changes ?? null,
  actor: { id: user.id, email: user.email ?? null, role: user.roles?.[0] ?? null },
})
