import type { Preferences } from './preferences'
import { priorityRank } from './preferences'
import type { NotificationCategory, NotificationPriority } from './types'

/** Mail of one recipient per hour beyond which non-critical mail waits for the next digest. */
export const MAIL_RATE_LIMIT_PER_HOUR = 10

/** Receipts are always mailed (reference §9.3: `billing.receipt.issued` "always sent regardless of preferences"). */
export const isReceipt = (event: string): boolean => /(^|\.)receipt(\.|$)/.test(event)

export type EmailDecision = 'send' | 'digest' | 'skip'

export type DeliveryDecision = {
  /** Shown in the inbox (the row is written either way: it is the event's dedupe record and a digest's source). */
  inApp: boolean
  live: boolean
  email: EmailDecision
  /** Why mail is not sent now, for the row and the logs. */
  reason: string
}

export type DeliveryInput = {
  event: string
  category: NotificationCategory
  priority: NotificationPriority
  preferences: Preferences
  now: Date
  /** Non-critical mails this recipient was sent (or queued) in the last hour. */
  mailedLastHour: number
  /** False when the recipient has no address to mail. */
  hasEmail: boolean
}

/** The hour (0–23) of an instant in a zone. */
export const hourIn = (instant: Date, timeZone: string): number => {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant)
  return Number(hour) % 24
}

/** Whether `now` falls in the do-not-disturb hours (start inclusive, end exclusive; 22 → 7 spans midnight). */
export const inDoNotDisturb = (preferences: Pick<Preferences, 'dndStart' | 'dndEnd' | 'timeZone'>, now: Date): boolean => {
  const { dndStart: start, dndEnd: end } = preferences
  if (start === null || end === null || start === end) return false
  const hour = hourIn(now, preferences.timeZone)
  return start < end ? hour >= start && hour < end : hour >= start || hour < end
}

/** Whether the user's mute is on at `now` (until then only critical events and receipts are mailed or toasted). */
export const isMuted = (preferences: Pick<Preferences, 'muteUntil'>, now: Date): boolean => preferences.muteUntil !== null && preferences.muteUntil.getTime() > now.getTime()

/**
 * What happens to one event for one recipient, by channel (reference §9.3). Critical
 * events and receipts are mailed now whatever the preferences say (mute, do-not-disturb,
 * switches, minimum priority, digest) and never count against or wait for the rate
 * limit. For the rest, in order: the category's mail switch and the minimum priority
 * (skip), mute (skip), do-not-disturb in the user's zone, a digest frequency, or the
 * hourly rate limit (held for the digest).
 */
export const decideDelivery = (input: DeliveryInput): DeliveryDecision => {
  const { preferences: p, category, priority, now } = input
  const switches = p.channels[category]
  const urgent = priority === 'critical' || isReceipt(input.event)
  const muted = isMuted(p, now)
  const inApp = urgent || switches.inApp
  const live = urgent || (switches.live && !muted)
  const decide = (email: EmailDecision, reason: string): DeliveryDecision => ({ inApp, live, email, reason })
  if (!input.hasEmail) return decide('skip', 'no address')
  if (urgent) return decide('send', priority === 'critical' ? 'critical' : 'receipt')
  if (!switches.email) return decide('skip', 'category mail off')
  if (priorityRank(priority) < priorityRank(p.minPriority)) return decide('skip', 'below minimum priority')
  if (muted) return decide('skip', 'muted')
  if (inDoNotDisturb(p, now)) return decide('digest', 'do not disturb')
  if (p.digest !== 'none') return decide('digest', `${p.digest} digest`)
  if (input.mailedLastHour >= MAIL_RATE_LIMIT_PER_HOUR) return decide('digest', 'rate limited')
  return decide('send', 'preferences')
}

/**
 * Which held mail a digest run of `run` takes: users on that frequency, and the hourly run
 * also takes those on `none` (mail that do-not-disturb or the rate limit held back).
 */
export const digestTakes = (run: 'hourly' | 'daily' | 'weekly', frequency: Preferences['digest']): boolean =>
  frequency === run || (run === 'hourly' && frequency === 'none')
