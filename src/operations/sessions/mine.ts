import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { ClientError } from '@/errors'
import type { User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'
import { lastActivity } from '@/security/sessionActivity'

import { inTransaction } from '../inTransaction'
import { endSessions } from './end'
import { refuseWhileImpersonating } from './impersonating'
import { securityRow } from './open'

type Me = Pick<User, 'id' | 'email' | 'roles' | 'tenants'> & { _sid?: string }

const me = (req: PayloadRequest): Me => {
  if (!req.user) throw new ClientError('Log in first.', 401)
  return req.user as unknown as Me
}

const websiteOf = (user: Me): number | null => {
  const first = user.tenants?.[0]?.tenant
  return typeof first === 'object' ? (first?.id ?? null) : (first ?? null)
}

export type MySession = { id: string; device: string; address: string; createdAt: string; lastActivityAt: string | null; expiresAt: string; current: boolean }

/** The caller's sessions that still let a token in, newest first, with the live activity stamp. */
export const mySessions = async (req: PayloadRequest): Promise<MySession[]> => {
  const user = me(req)
  const rows = await execute<{ sid: string; device: string | null; address: string | null; created_at: string; last_activity_at: string | null; expires_at: string }>(
    req,
    sql`SELECT ls.sid, ls.device_label AS device, ls.address, ls.created_at, ls.last_activity_at, us.expires_at
        FROM login_sessions ls JOIN users_sessions us ON us.id = ls.sid AND us._parent_id = ls.user_id
        WHERE ls.user_id = ${user.id} AND ls.ended_at IS NULL AND us.expires_at > now()
        ORDER BY ls.created_at DESC`,
  )
  return Promise.all(
    rows.map(async (row) => {
      const live = await lastActivity(row.sid)
      const stored = row.last_activity_at ? new Date(row.last_activity_at).getTime() : null
      const last = Math.max(live ?? 0, stored ?? 0)
      return {
        id: row.sid,
        device: row.device ?? 'Unknown device',
        address: row.address ?? 'unknown',
        createdAt: new Date(row.created_at).toISOString(),
        lastActivityAt: last > 0 ? new Date(last).toISOString() : null,
        expiresAt: new Date(row.expires_at).toISOString(),
        current: row.sid === user._sid,
      }
    }),
  )
}

/** Signs out one of the caller's sessions (404 for any other id: another person's sessions do not exist for them). */
export const revokeMySession = async (req: PayloadRequest, sid: string): Promise<void> => {
  const user = me(req)
  refuseWhileImpersonating(req, 'session revocation')
  const ended = await inTransaction(req, () => endSessions(req, user.id, [sid], 'revoked'))
  if (ended.length === 0) throw new ClientError('Not Found', 404)
  await recordSecurityEvent(req, securityRow(user, websiteOf(user), 'session_revoked', { current: sid === user._sid }))
}

/** Signs out every session of the caller, this one included. Answers how many ended. */
export const logOutEverywhere = async (req: PayloadRequest): Promise<number> => {
  const user = me(req)
  refuseWhileImpersonating(req, 'logout-all')
  const ended = await inTransaction(req, () => endSessions(req, user.id, 'all', 'logout_all'))
  await recordSecurityEvent(req, securityRow(user, websiteOf(user), 'sessions_revoked_all', { ended: ended.length }))
  return ended.length
}
