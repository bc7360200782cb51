import type { PayloadRequest } from 'payload'

import { signUnsubscribe } from '@/domain/notifications/unsubscribeToken'
import type { NotificationCategory } from '@/domain/notifications/types'
import { DEV_PAYLOAD_SECRET, env } from '@/env'

/**
 * Whether a user takes mail of a category on a website: the one question every sender
 * (notifications, digests, campaigns) asks before mailing someone. Preferences answer it
 * (issue 15's notification preferences); until they exist everyone takes mail.
 */
export const wantsEmail = async (
  _req: PayloadRequest,
  _user: number,
  _tenant: number,
  _category: NotificationCategory,
): Promise<boolean> => true

const secret = (): string => env().PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET

/** The no-login link that switches a category's mail off for that user on that website. */
export const unsubscribeUrl = (user: number, tenant: number, category: NotificationCategory): string =>
  `${env().SERVER_URL ?? 'http://localhost:3000'}/api/notifications/unsubscribe?token=${signUnsubscribe({ user, tenant, category }, secret())}`

export const unsubscribeSecret = secret
