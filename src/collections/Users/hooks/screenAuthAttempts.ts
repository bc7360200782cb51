import type { CollectionBeforeOperationHook } from 'payload'

import { screenLoginAttempt } from '@/operations/logins/screenLoginAttempt'
import { resolveTenant } from '@/operations/resolveTenant'
import { consume } from '@/security/rateLimits'

const emailOf = (args: unknown): string =>
  String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()

/** Logins are screened before the password is checked; password resets are counted per email (429 past the limit). */
export const screenAuthAttempts: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation === 'login') {
    await screenLoginAttempt(req, (args as { data?: { email?: unknown; password?: unknown } }).data ?? {})
  } else if (operation === 'forgotPassword') {
    const email = emailOf(args)
    if (email) await consume(req, (await resolveTenant(req)).tenant, 'passwordResetPerEmailPerHour', email)
  }
  return args
}
