import type { CollectionBeforeOperationHook } from 'payload'

import { resolveTenant } from '@/operations/resolveTenant'
import { clientIp, consume } from '@/security/rateLimits'

const emailOf = (args: unknown): string =>
  String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()

/** Login and password-reset attempts are counted per email and per address (429 past the limit). */
export const rateLimitAuth: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  const { tenant } = await resolveTenant(req)
  const email = emailOf(args)
  if (operation === 'login') {
    await consume(req, tenant, 'loginPerIpPerMinute', clientIp(req))
    if (email) await consume(req, tenant, 'loginPerEmailPerMinute', email)
  } else if (email) {
    await consume(req, tenant, 'passwordResetPerEmailPerHour', email)
  }
  return args
}
