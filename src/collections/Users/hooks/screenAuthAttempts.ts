import type { CollectionBeforeOperationHook } from 'payload'

import { recordThrottledAuth } from '@/hooks/auditSecurity'
import { screenLoginAttempt } from '@/operations/logins/screenLoginAttempt'
import { resolveTenant } from '@/operations/resolveTenant'
import { consume } from '@/security/rateLimits'

const emailOf = (args: unknown): string =>
  String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()

/**
 * Logins are screened before the password is checked; password resets are counted per
 * email (429 past the limit). A 429 leaves its trace in the audit trail (on its own
 * connection, bounded per address: `recordThrottledAuth`) whichever API it came through.
 */
export const screenAuthAttempts: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  try {
    if (operation === 'login') {
      await screenLoginAttempt(req, (args as { data?: { email?: unknown; password?: unknown } }).data ?? {})
    } else {
      const email = emailOf(args)
      if (email) await consume(req, (await resolveTenant(req)).tenant, 'passwordResetPerEmailPerHour', email)
    }
  } catch (error) {
    await recordThrottledAuth(req, error, operation, emailOf(args))
    throw error
  }
  return args
}
