import type { CollectionBeforeOperationHook } from 'payload'

import { featureOn } from '@/domain/tenancy/featureToggles'
import { ClientError } from '@/errors'
import { recordThrottledAuth } from '@/hooks/auditSecurity'
import { screenLoginAttempt } from '@/operations/logins/screenLoginAttempt'
import { resolveTenant } from '@/operations/resolveTenant'
import { consume } from '@/security/rateLimits'

const emailOf = (args: unknown): string =>
  String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()

/**
 * Logins are screened before the password is checked; password resets are refused where
 * the website switched them off and counted per email (429 past the limit). A 429 leaves its trace in the audit trail (on its own
 * connection, bounded per address: `recordThrottledAuth`) whichever API it came through.
 */
export const screenAuthAttempts: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  try {
    if (operation === 'login') {
      await screenLoginAttempt(req, (args as { data?: { email?: unknown; password?: unknown } }).data ?? {})
    } else {
      const { tenant } = await resolveTenant(req)
      // The same answer for every email, so a website without resets reveals nobody.
      if (tenant && !featureOn(tenant, 'passwordResetEnabled')) throw new ClientError(`${tenant.name} does not reset passwords by mail: ask its support.`, 403)
      const email = emailOf(args)
      if (email) await consume(req, tenant, 'passwordResetPerEmailPerHour', email)
    }
  } catch (error) {
    await recordThrottledAuth(req, error, operation, emailOf(args))
    throw error
  }
  return args
}
