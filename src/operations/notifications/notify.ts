import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { describeEvent } from '@/domain/notifications/catalogue'
import { decideDelivery } from '@/domain/notifications/delivery'
import type { NotifyInput } from '@/domain/notifications/types'
import { type Enqueue, enqueueAll } from '@/jobs/enqueue'
import type { JobType } from '@/jobs/types'

import { deliveryFactsOf } from './preferences'

/** The dedupe key of an occurrence for one recipient when the caller gave none: the event and the data's id. */
const defaultKey = (input: NotifyInput): string => {
  const id = input.data.id ?? input.data.orderId
  return `${input.event}:${typeof id === 'number' || typeof id === 'string' ? id : ''}`
}

const HOUR_MS = 3600 * 1000

/**
 * Tells people of an event, in the caller's transaction (outbox rows: a rolled-back change
 * tells nobody). The one entry point every operation calls; channels, preferences,
 * digests and mail are its business, not the caller's.
 *
 * For each recipient: the in-app row is inserted unless the key was told already (a
 * retried event: nothing more happens), the channels are decided by `decideDelivery`
 * (preferences over the role's defaults, mute, do-not-disturb in the user's zone, digest,
 * rate limit), the live event and the mail job (`notification.mail`) are queued, or the
 * row is held for the next digest. `now` is for tests and schedules with their own clock.
 */
export const notify = async (req: PayloadRequest, input: NotifyInput, options: { now?: Date } = {}): Promise<void> => {
  const now = options.now ?? new Date()
  const text = describeEvent(input.event, input.data)
  const priority = input.priority ?? text.priority
  const key = input.key ?? defaultKey(input)
  const since = new Date(now.getTime() - HOUR_MS)
  for (const user of new Set(input.recipients)) {
    const recipient = await deliveryFactsOf(req, user, input.tenant, since)
    if (!recipient) continue
    const decided = decideDelivery({
      event: input.event,
      category: text.category,
      priority,
      preferences: recipient.preferences,
      now,
      mailedLastHour: priority === 'critical' ? 0 : recipient.mailedSince,
      hasEmail: recipient.email !== null,
    })
    // The demo seed fills inboxes, never mailboxes: a fresh start mails nobody and spends nobody's hourly mail budget.
    const decision = req.context?.seeding === true ? { ...decided, email: 'skip' as const, live: false, reason: 'demo data' } : decided
    const emailStatus = { send: 'queued', digest: 'held', skip: 'skipped' }[decision.email]
    const stamp = now.toISOString()
    const [row] = await execute<{ id: number }>(
      req,
      sql`INSERT INTO notifications (tenant_id, recipient_id, event, category, priority, title, body, link, data, key, inbox, email_status, email_reason, emailed_at, updated_at, created_at)
          VALUES (${input.tenant}, ${user}, ${input.event}, ${text.category}, ${priority}, ${text.title.slice(0, 300)}, ${text.body.slice(0, 4000)}, ${text.link},
                  ${JSON.stringify(input.data)}::jsonb, ${key}, ${decision.inApp}, ${emailStatus}, ${decision.reason}, ${decision.email === 'send' ? stamp : null}::timestamptz,
                  ${stamp}::timestamptz, ${stamp}::timestamptz)
          ON CONFLICT (tenant_id, recipient_id, key) DO NOTHING
          RETURNING id`,
    )
    if (!row) continue // told already: a retry of the same occurrence
    const jobs: Enqueue<JobType>[] = []
    if (decision.live) {
      jobs.push({ type: 'live.event', tenant: input.tenant, payload: { audience: { user }, event: input.event, data: { ...input.data, notification: row.id, title: text.title } } })
    }
    if (decision.email === 'send') {
      jobs.push({ type: 'notification.mail', tenant: input.tenant, payload: { notificationId: row.id }, dedupeKey: `notification-mail:${row.id}` })
    }
    await enqueueAll(req, jobs)
  }
}
