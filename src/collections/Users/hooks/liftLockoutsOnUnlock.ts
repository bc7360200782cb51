import type { CollectionAfterOperationHook } from 'payload'

import { recordUnlock } from '@/hooks/auditSecurity'
import { liftAccountLockouts } from '@/security/loginAttempts'

/**
 * Payload's unlock (the admin panel, `POST /api/users/unlock`, GraphQL, `unlockUser`) lifts
 * our lockouts too: Payload's own counters are off (`maxLoginAttempts: 0`), ours are kept
 * per (account, address) in the rate-limit store. Runs after the operation found the user
 * within the caller's `unlock` access, so only an allowed unlock gets here.
 */
export const liftLockoutsOnUnlock: CollectionAfterOperationHook<'users'> = async ({ operation, args, req, result }) => {
  if (operation !== 'unlock' || !result) return result
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()
  const user = email ? await req.payload.db.findOne<{ id: number; email: string; roles?: string[] | null }>({ collection: 'users', where: { email: { equals: email } }, req }) : null
  if (!user) return result
  await liftAccountLockouts(user.email)
  await recordUnlock(req, user, 'staff')
  return result
}
