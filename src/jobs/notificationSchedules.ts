import { runDigests } from '@/operations/notifications/digest'

import type { Schedule } from './schedules'

const HOUR_MS = 3600 * 1000

/**
 * Notification digests (reference §9.3): each run mails every user on its frequency one
 * digest of their held notifications. The hourly run also delivers what do-not-disturb
 * or the rate limit held for users who take no digest.
 */
export const NOTIFICATION_SCHEDULES: Schedule[] = [
  { id: 'notifications-digest-hourly', everyMs: HOUR_MS, run: ({ payload, now }) => runDigests(payload, 'hourly', now) },
  { id: 'notifications-digest-daily', everyMs: 24 * HOUR_MS, run: ({ payload, now }) => runDigests(payload, 'daily', now) },
  { id: 'notifications-digest-weekly', everyMs: 7 * 24 * HOUR_MS, run: ({ payload, now }) => runDigests(payload, 'weekly', now) },
]
