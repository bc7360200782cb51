import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import type { SessionEndReason } from '@/domain/sessions/policy'
import { markEnded } from '@/security/sessionActivity'
import { forgetUser } from '@/security/userCache'

/**
 * Ends sessions of `userId` at once: their ids leave Payload's sessions (so the token is
 * refused by every strategy from the next request on), their rows say when and why, and
 * the activity store marks them ended (a login that read the sessions before this and
 * writes them back cannot revive them). `sids: 'all'` ends every session. Answers the
 * ids ended.
 */
export const endSessions = async (req: PayloadRequest, userId: number, sids: readonly string[] | 'all', reason: SessionEndReason): Promise<string[]> => {
  if (sids !== 'all' && sids.length === 0) return []
  const only = sids === 'all' ? sql`` : sql` AND id IN (${sql.join(sids.map((sid) => sql`${sid}`), sql`, `)})`
  const removed = await execute<{ id: string }>(req, sql`DELETE FROM users_sessions WHERE _parent_id = ${userId}${only} RETURNING id`)
  const rowsOnly = sids === 'all' ? sql`` : sql` AND sid IN (${sql.join(sids.map((sid) => sql`${sid}`), sql`, `)})`
  const closed = await execute<{ sid: string }>(
    req,
    sql`UPDATE login_sessions SET ended_at = now(), end_reason = ${reason}, updated_at = now()
        WHERE user_id = ${userId} AND ended_at IS NULL${rowsOnly} RETURNING sid`,
  )
  const ended = [...new Set([...removed.map((r) => r.id), ...closed.map((r) => r.sid)])]
  await markEnded(ended)
  if (ended.length > 0) forgetUser(userId)
  return ended
}

/**
 * The rows of sessions Payload itself dropped (a password change keeps only the session
 * that made it): closed with the reason, and marked ended in the activity store.
 */
export const closeDroppedSessions = async (req: PayloadRequest, userId: number, reason: SessionEndReason): Promise<string[]> => {
  const closed = await execute<{ sid: string }>(
    req,
    sql`UPDATE login_sessions SET ended_at = now(), end_reason = ${reason}, updated_at = now()
        WHERE user_id = ${userId} AND ended_at IS NULL AND sid NOT IN (SELECT id FROM users_sessions WHERE _parent_id = ${userId})
        RETURNING sid`,
  )
  const sids = closed.map((r) => r.sid)
  await markEnded(sids)
  forgetUser(userId)
  return sids
}
