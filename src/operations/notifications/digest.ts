import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { digestTakes, inDoNotDisturb } from '@/domain/notifications/delivery'
import { enqueue } from '@/jobs/enqueue'

import { recipientOf } from './preferences'

export type DigestRun = 'hourly' | 'daily' | 'weekly'

/** Who has held mail: (website, user) pairs, each once. */
export const digestHolders = async (req: PayloadRequest): Promise<{ tenant: number; user: number }[]> =>
  execute<{ tenant: number; user: number }>(req, sql`SELECT DISTINCT tenant_id AS tenant, recipient_id AS "user" FROM notifications WHERE email_status = 'held' ORDER BY 1, 2`)

/**
 * Gathers one user's held notifications on one website into one digest mail, when this
 * run is theirs (their frequency; the hourly run also takes those on `none`, whose mail
 * do-not-disturb or the rate limit held) and they are not in their do-not-disturb hours.
 * The rows are claimed (`FOR UPDATE SKIP LOCKED`, then marked digested) in the same
 * transaction that queues the mail: two runs at once never mail a row twice, and a
 * failed run leaves them held for the next.
 */
export const digestFor = async (req: PayloadRequest, run: DigestRun, tenant: number, user: number, now: Date): Promise<boolean> => {
  const recipient = await recipientOf(req, user, tenant)
  if (!recipient || !digestTakes(run, recipient.preferences.digest) || inDoNotDisturb(recipient.preferences, now)) return false
  const claimed = await execute<{ id: number }>(
    req,
    sql`UPDATE notifications SET email_status = 'digested', digested_at = ${now.toISOString()}::timestamptz, updated_at = now()
        WHERE id IN (SELECT id FROM notifications WHERE tenant_id = ${tenant} AND recipient_id = ${user} AND email_status = 'held' ORDER BY id FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  )
  if (claimed.length === 0) return false
  const notificationIds = claimed.map((r) => Number(r.id)).sort((a, b) => a - b)
  await enqueue(req, { type: 'notification.digest', tenant, payload: { userId: user, notificationIds, frequency: run }, dedupeKey: `notification-digest:${notificationIds[0]}` })
  return true
}
