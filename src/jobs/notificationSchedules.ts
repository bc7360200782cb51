import type { Payload } from 'payload'

import { systemProof, systemRequest } from '@/access/system'
import { digestFor, digestHolders, type DigestRun } from '@/operations/notifications/digest'

import type { Schedule } from './schedules'
import { sweep, type SweepCounts } from './sweep'

const HOUR_MS = 3600 * 1000

const proof = systemProof('notification digests')

/** One digest run over every user with held mail, each user in their own transaction. */
export const runDigests = async (payload: Payload, run: DigestRun, now: Date): Promise<SweepCounts> => {
  const pairs = await digestHolders(await systemRequest(payload, proof))
  return sweep(payload, `notifications-digest-${run}`, pairs, ({ tenant, user }, req) => digestFor(req, run, tenant, user, now))
}

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
