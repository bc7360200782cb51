import { createHmac, timingSafeEqual } from 'node:crypto'

import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './types'

/**
 * The token of an unsubscribe link: who (user, website) stops mail of which category. Signed
 * with the server's secret so a link works without login and cannot be forged for someone
 * else; it does not expire (mail in an inbox keeps working), and it can only switch mail off.
 */
export type UnsubscribeClaim = { user: number; tenant: number; category: NotificationCategory }

const mac = (body: string, secret: string): string => createHmac('sha256', secret).update(`unsubscribe:${body}`).digest('base64url')

export const signUnsubscribe = (claim: UnsubscribeClaim, secret: string): string => {
  const body = `${claim.user}.${claim.tenant}.${claim.category}`
  return `${body}.${mac(body, secret)}`
}

/** The claim of a genuine token, or null for anything else (malformed, tampered, unknown category). */
export const verifyUnsubscribe = (token: string, secret: string): UnsubscribeClaim | null => {
  const match = /^(\d{1,12})\.(\d{1,12})\.([a-z]{1,20})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const [, user = '', tenant = '', category = '', signature = ''] = match
  if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return null
  const expected = Buffer.from(mac(`${user}.${tenant}.${category}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return { user: Number(user), tenant: Number(tenant), category: category as NotificationCategory }
}
