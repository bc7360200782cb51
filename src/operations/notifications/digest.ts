import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { digestTakes, inDoNotDisturb, isMuted } from '@/domain/notifications/delivery'
import { NOTIFICATION_CATEGORIES } from '@/domain/notifications/types'
import { enqueue } from '@/jobs/enqueue'

import { recipientOf } from './preferences'

export type DigestRun = 'hourly' | 'daily' | 'weekly'

/** Who has held mail: (website, user) pairs, each once. */
export const digestHolders = async (req: PayloadRequest): Promise<{ tenant: number; user: number }[]> =>
  execute<{ tenant: number; user: number }>(req, sql`SELECT DISTINCT tenant_id AS tenant, recipient_id AS "user" FROM notifications WHERE email_status = 'held' ORDER BY 1, 2`)

/**
 * Gathers one user's held notifications on one website into one digest mail, when this
 * run is theirs (their frequency; the hourly run also takes those on `none`, whose mail
 * do-not-disturb or the rate limit held) and they are neither in their do-not-disturb hours
 * nor muted. The rows are claimed (`FOR UPDATE SKIP LOCKED`, then marked digested) in the same
 * transaction that queues the mail: two runs at once never mail a row twice, and a
 * failed run leaves them held for the next. Rows of a category whose mail the user has
 * switched off since are skipped, not mailed.
 */
export const digestFor = async (req: PayloadRequest, run: DigestRun, tenant: number, user: number, now: Date): Promise<boolean> => {
  const recipient = await recipientOf(req, user, tenant)
  // Muted since the rows were held: they wait, as in do-not-disturb, for the first run after the mute.
  if (!recipient || !digestTakes(run, recipient.preferences.digest) || inDoNotDisturb(recipient.preferences, now) || isMuted(recipient.preferences, now)) return false
  // A category whose mail was switched off since its rows were held (the unsubscribe link of an
  // earlier digest) is not mailed now: those rows are skipped, as notify() would skip them today.
  const mailed = NOTIFICATION_CATEGORIES.filter((category) => recipient.preferences.channels[category].email)
  const kept = sql`category::text IN (${sql.join([...mailed.map((c) => sql`${c}`), sql`NULL`], sql`, `)})`
  const claimed = await execute<{ id: number; digested: boolean }>(
    req,
    sql`UPDATE notifications
        SET email_status = (CASE WHEN ${kept} THEN 'digested' ELSE 'skipped' END)::enum_notifications_email_status,
            email_reason = CASE WHEN ${kept} THEN email_reason ELSE 'category mail off' END,
            digested_at = CASE WHEN ${kept} THEN ${now.toISOString()}::timestamptz END, updated_at = now()
        WHERE id IN (SELECT id FROM notifications WHERE tenant_id = ${tenant} AND recipient_id = ${user} AND email_status = 'held' ORDER BY id FOR UPDATE SKIP LOCKED)
        RETURNING id, email_status = 'digested' AS digested`,
  )
  const notificationIds = claimed
    .filter((r) => r.digested)
    .map((r) => Number(r.id))
    .sort((a, b) => a - b)
  if (notificationIds.length === 0) return false
  await enqueue(req, { type: 'notification.digest', tenant, payload: { userId: user, notificationIds, frequency: run }, dedupeKey: `notification-digest:${notificationIds[0]}` })
  return true
}
