import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
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
