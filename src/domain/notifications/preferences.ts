import { z } from 'zod'

import type { Role } from '../roles'

import { NOTIFICATION_CATEGORIES, NOTIFICATION_PRIORITIES, type NotificationCategory, type NotificationChannel, type NotificationPriority } from './types'

/** How often held mail is gathered into one digest; `none` still sends what do-not-disturb or the rate limit held back, hourly. */
export const DIGEST_FREQUENCIES = ['none', 'hourly', 'daily', 'weekly'] as const
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number]

export type ChannelSwitches = Record<NotificationChannel, boolean>

/** One user's choices on one website, complete (a stored row merged over the role's defaults). */
export type Preferences = {
  channels: Record<NotificationCategory, ChannelSwitches>
  /** Until then, nothing but critical events and receipts is mailed or toasted (in-app rows still arrive). */
  muteUntil: Date | null
  /** Do-not-disturb hours (0–23) in `timeZone`: from `start` up to, not including, `end` (22 → 7 spans midnight); equal or null means none. */
  dndStart: number | null
  dndEnd: number | null
  timeZone: string
  digest: DigestFrequency
  /** Events below this priority are kept in-app only. */
  minPriority: NotificationPriority
}

/** What a stored `notification-preferences` row may override; anything missing keeps the default. */
export type StoredPreferences = {
  channels?: Partial<Record<string, Partial<Record<string, unknown>>>> | null
  muteUntil?: string | Date | null
  dndStart?: number | null
  dndEnd?: number | null
  timeZone?: string | null
  digest?: DigestFrequency | null
  minPriority?: NotificationPriority | null
}

const on = (email: boolean): ChannelSwitches => ({ inApp: true, email, live: true })

const everyCategory = (email: (category: NotificationCategory) => boolean): Record<NotificationCategory, ChannelSwitches> =>
  Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, on(email(c))])) as Record<NotificationCategory, ChannelSwitches>

/**
 * The defaults per role (reference §9.3 "per-role defaults"), used for anyone without a
 * stored row. Everyone gets every category in-app and live. Mail: clients and writers
 * get every category of their work, and the website's campaigns (clients registered to
 * buy from it, writers to take its work, and campaigns address both: a level's writers
 * are an audience; every campaign mail carries an unsubscribe link). Staff get mail of
 * everything but marketing, as it happens.
 */
export const defaultPreferences = (roles: readonly Role[], timeZone: string): Preferences => {
  const audience = roles.includes('client') || roles.includes('writer')
  return {
    channels: everyCategory((c) => c !== 'marketing' || audience),
    muteUntil: null,
    dndStart: null,
    dndEnd: null,
    timeZone,
    digest: 'none',
    minPriority: 'low',
  }
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean'

/** A stored row over the defaults: what the row sets wins, field by field and switch by switch. */
export const mergePreferences = (defaults: Preferences, stored: StoredPreferences | null | undefined): Preferences => {
  if (!stored) return defaults
  const channels = { ...defaults.channels }
  for (const category of NOTIFICATION_CATEGORIES) {
    const row = stored.channels?.[category]
    if (!row) continue
    channels[category] = {
      inApp: isBool(row.inApp) ? row.inApp : defaults.channels[category].inApp,
      email: isBool(row.email) ? row.email : defaults.channels[category].email,
      live: isBool(row.live) ? row.live : defaults.channels[category].live,
    }
  }
  const muteUntil = stored.muteUntil ? new Date(stored.muteUntil) : null
  return {
    channels,
    muteUntil: muteUntil && !Number.isNaN(muteUntil.getTime()) ? muteUntil : null,
    dndStart: stored.dndStart ?? defaults.dndStart,
    dndEnd: stored.dndEnd ?? defaults.dndEnd,
    timeZone: stored.timeZone || defaults.timeZone,
    digest: stored.digest ?? defaults.digest,
    minPriority: stored.minPriority ?? defaults.minPriority,
  }
}

export const priorityRank = (p: NotificationPriority): number => NOTIFICATION_PRIORITIES.indexOf(p)

const switchesInput = z.object({ inApp: z.boolean().optional(), email: z.boolean().optional(), live: z.boolean().optional() }).strict()

/** A row's (or a request's) channel switches: per known category, any of the three channels, booleans only. */
export const channelsInput = z.partialRecord(z.enum(NOTIFICATION_CATEGORIES, { error: `A category: ${NOTIFICATION_CATEGORIES.join(', ')}.` }), switchesInput)


/**
 * Whether a change of stored switches turns on a marketing channel that was not on:
 * consent to campaigns is the user's own to give (an admin may switch it off for them).
 */
export const grantsMarketing = (before: StoredPreferences['channels'], after: StoredPreferences['channels']): boolean => {
  const was = before?.marketing ?? {}
  const now = after?.marketing ?? {}
  return Object.entries(now).some(([channel, value]) => value === true && was[channel] !== true)
}
