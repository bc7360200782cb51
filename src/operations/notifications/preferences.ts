import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { defaultPreferences, mergePreferences, type Preferences, type StoredPreferences } from '@/domain/notifications/preferences'
import { isRole } from '@/domain/roles'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/domain/timeZone'
import type { NotificationPreference } from '@/payload-types'

export type Recipient = { id: number; email: string | null; name: string; preferences: Preferences; stored: NotificationPreference | null }

/** The user's stored row on the website, if they have one. */
export const storedPreferences = async (req: PayloadRequest, user: number, tenant: number): Promise<NotificationPreference | null> => {
  const { docs } = await req.payload.find({
    collection: 'notification-preferences',
    where: { and: [{ tenant: { equals: tenant } }, { user: { equals: user } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    ...asSystem(proofOf(req)),
    req,
  })
  return docs[0] ?? null
}

/**
 * A user's complete preferences on a website: their row over their role's defaults, the
 * do-not-disturb zone falling back to their profile's time zone. Null when the user is gone
 * or does not belong to the website.
 */
export const recipientOf = async (req: PayloadRequest, user: number, tenant: number): Promise<Recipient | null> => {
  const doc = await req.payload.findByID({ collection: 'users', id: user, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req })
  if (!doc) return null
  // Someone of another website is never told of this one's events (a superadmin belongs to every website).
  const member = (doc.roles ?? []).includes('superadmin') || (doc.tenants ?? []).some((row) => (typeof row.tenant === 'number' ? row.tenant : row.tenant?.id) === tenant)
  if (!member) return null
  const zone = doc.timezone && isTimeZone(doc.timezone) ? doc.timezone : DEFAULT_TIME_ZONE
  const stored = await storedPreferences(req, user, tenant)
  const preferences = mergePreferences(defaultPreferences((doc.roles ?? []).filter(isRole), zone), stored as StoredPreferences | null)
  return { id: doc.id, email: doc.email || null, name: doc.name, preferences, stored }
}

type FactsRow = {
  email: string | null
  timezone: string | null
  roles: string[]
  member: boolean
  channels: StoredPreferences['channels']
  mute_until: string | null
  dnd_start: string | number | null
  dnd_end: string | number | null
  time_zone: string | null
  digest: StoredPreferences['digest']
  min_priority: StoredPreferences['minPriority']
  mailed: number
}

const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value))

/**
 * What `notify()` needs of one recipient, in one statement: the same membership and
 * preferences as `recipientOf` (their row over their role's defaults, the profile's zone)
 * and the non-critical mails queued for them on the website since `since` (the rate
 * limit). Null when the user is gone or does not belong to the website. Every event of
 * the platform pays this per recipient inside its transaction, hence one query, not a
 * Payload read of the user, another of the row and a count.
 */
export const deliveryFactsOf = async (
  req: PayloadRequest,
  user: number,
  tenant: number,
  since: Date,
): Promise<{ email: string | null; preferences: Preferences; mailedSince: number } | null> => {
  const [row] = await execute<FactsRow>(
    req,
    sql`SELECT u.email, u.timezone,
               ARRAY(SELECT r.value::text FROM users_roles r WHERE r.parent_id = u.id) AS roles,
               EXISTS (SELECT 1 FROM users_tenants ut WHERE ut._parent_id = u.id AND ut.tenant_id = ${tenant}) AS member,
               p.channels, p.mute_until, p.dnd_start, p.dnd_end, p.time_zone, p.digest, p.min_priority,
               (SELECT count(*)::int FROM notifications n
                 WHERE n.tenant_id = ${tenant} AND n.recipient_id = u.id AND n.priority <> 'critical'
                   AND n.email_status IN ('queued', 'sending', 'sent') AND n.emailed_at > ${since.toISOString()}::timestamptz) AS mailed
        FROM users u
        LEFT JOIN LATERAL (SELECT * FROM notification_preferences np WHERE np.tenant_id = ${tenant} AND np.user_id = u.id ORDER BY np.id LIMIT 1) p ON TRUE
        WHERE u.id = ${user}`,
  )
  if (!row) return null
  const roles = row.roles.filter(isRole)
  // Someone of another website is never told of this one's events (a superadmin belongs to every website).
  if (!row.member && !roles.includes('superadmin')) return null
  const zone = row.timezone && isTimeZone(row.timezone) ? row.timezone : DEFAULT_TIME_ZONE
  const stored: StoredPreferences = {
    channels: row.channels,
    muteUntil: row.mute_until,
    dndStart: numberOrNull(row.dnd_start),
    dndEnd: numberOrNull(row.dnd_end),
    timeZone: row.time_zone,
    digest: row.digest,
    minPriority: row.min_priority,
  }
  return { email: row.email || null, preferences: mergePreferences(defaultPreferences(roles, zone), stored), mailedSince: row.mailed }
}
