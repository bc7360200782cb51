import type { PayloadRequest } from 'payload'

import { signUnsubscribe } from '@/domain/notifications/unsubscribeToken'
import type { NotificationCategory } from '@/domain/notifications/types'
import { DEV_PAYLOAD_SECRET, env } from '@/env'

import { recipientOf } from './preferences'

/**
 * Whether a user takes mail of a category on a website: the one question every sender
 * (notifications, digests, campaigns) asks before mailing someone. Their
 * `notification-preferences` row answers it, over their role's defaults
 * (`src/domain/notifications/preferences.ts`: marketing mail goes to clients and
 * writers, not to staff, unless they switch it on); an unsubscribe link switches it off. A
 * user who is gone takes nothing.
 */
export const wantsEmail = async (req: PayloadRequest, user: number, tenant: number, category: NotificationCategory): Promise<boolean> => {
  const recipient = await recipientOf(req, user, tenant)
  return recipient !== null && recipient.email !== null && recipient.preferences.channels[category].email
}

const secret = (): string => env().PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET

/** The no-login link that switches a category's mail off for that user on that website. */
export const unsubscribeUrl = (user: number, tenant: number, category: NotificationCategory): string =>
  `${env().SERVER_URL ?? 'http://localhost:3000'}/api/notifications/unsubscribe?token=${signUnsubscribe({ user, tenant, category }, secret())}`

export const unsubscribeSecret = secret
