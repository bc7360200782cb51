import { type CollectionBeforeChangeHook, type CollectionConfig, type JSONFieldValidation, validations } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn, tenantRowsFor } from '@/access/rules'
import { channelsInput, DIGEST_FREQUENCIES, grantsMarketing, type StoredPreferences } from '@/domain/notifications/preferences'
import { NOTIFICATION_CATEGORIES, NOTIFICATION_PRIORITIES } from '@/domain/notifications/types'
import { isTimeZone } from '@/domain/timeZone'
import { notificationPreferenceEndpoints } from '@/endpoints/notificationPreferences'
import { refuseField } from '@/errors'
import { userRefField } from '@/fields/userRef'

const hour = (name: string, label: string) => ({
  name,
  type: 'number' as const,
  min: 0,
  max: 23,
  admin: { description: `${label} hour (0–23) of do-not-disturb in the user’s time zone.` },
  validate: (v: number | null | undefined) => v == null || (Number.isInteger(v) && v >= 0 && v <= 23) || 'A whole hour from 0 to 23.',
})

/**
 * The switches an admin writes here are held to the rule `/me` applies (an unknown
 * category or channel, a switch that is not true/false: 400 naming `channels`), so a row
 * never holds what the API answers could not describe.
 */
const channelSwitches: JSONFieldValidation = (value, args) => {
  const json = validations.json(value, args)
  if (json !== true || value == null) return json
  return channelsInput.safeParse(value).success || `Per category (${NOTIFICATION_CATEGORIES.join(', ')}), any of the channels inApp, email, live set to true or false.`
}

/** Someone else (an admin) may switch a user's campaign mail off, never on: 403 naming `channels`. */
const keepConsentTheUsers: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const actor = actorOf(req)
  if (operation !== 'update' || !actor || !originalDoc || actor.id === idOf(originalDoc.user)) return data
  if (grantsMarketing(originalDoc.channels as StoredPreferences['channels'], data.channels as StoredPreferences['channels'])) {
    throw refuseField('notification-preferences', 'channels', 'channels: only the user can switch marketing mail on.', 403)
  }
  return data
}

/**
 * One user's notification choices on one website (reference §9.3). Nobody needs a row:
 * without one the role's defaults apply (`src/domain/notifications/preferences.ts`), and
 * a row only overrides what it sets. Users read and change theirs through
 * `/api/notification-preferences/me`; admins of the website read and adjust them here,
 * but never delete a row (that would restore the role's default, marketing mail on).
 */
export const NotificationPreferences: CollectionConfig<'notification-preferences'> = {
  slug: 'notification-preferences',
  lockDocuments: false,
  endpoints: notificationPreferenceEndpoints,
  admin: { ...navigation('People'), defaultColumns: ['user', 'digest', 'muteUntil', 'minPriority', 'updatedAt'] },
  access: { read: staffRowsOrOwn('user', ['admin']), create: nobody, update: tenantRowsFor(['admin']), delete: nobody },
  hooks: { beforeChange: [keepConsentTheUsers] },
  indexes: [{ fields: ['tenant', 'user'], unique: true }],
  fields: [
    userRefField('user', { required: true, serverOnly: true }),
    {
      name: 'channels',
      type: 'json',
      validate: channelSwitches,
      admin: { description: 'Per category (orders, payments, payouts, fines, tickets, reviews, account, marketing), the channels inApp, email, live: { "orders": { "email": false } }. What is missing (or not true/false) keeps the role’s default.' },
    },
    { name: 'muteUntil', type: 'date', admin: { description: 'Until then only critical events and receipts are mailed.', date: { pickerAppearance: 'dayAndTime' } } },
    hour('dndStart', 'First'),
    hour('dndEnd', 'End (exclusive)'),
    {
      name: 'timeZone',
      type: 'text',
      maxLength: 64,
      admin: { description: 'IANA zone of the do-not-disturb hours; empty: the user’s own time zone.' },
      validate: (v: string | null | undefined) => !v || isTimeZone(v) || 'An IANA time zone such as Europe/Berlin.',
    },
    { name: 'digest', type: 'select', options: [...DIGEST_FREQUENCIES], admin: { description: 'Gather mail into one digest instead of one mail per event; empty: the role’s default.' } },
    { name: 'minPriority', type: 'select', options: [...NOTIFICATION_PRIORITIES], admin: { description: 'Mail only events of this priority or higher; empty: the role’s default.' } },
  ],
}
