import { AuthenticationError, type CollectionBeforeLoginHook } from 'payload'

import { actorFromUser } from '@/access/actor'
import { mayLogInOn } from '@/domain/logins/website'
import { resolveTenant } from '@/operations/resolveTenant'

/**
 * No token for the wrong website. Logins were already screened before their password
 * check (`screenLoginAttempt`); this also holds for a password reset, which logs in
 * too. The refusal is the one every refused login gets.
 */
export const loginOnOwnWebsite: CollectionBeforeLoginHook = async ({ req, user }) => {
  const { tenant } = await resolveTenant(req)
  if (!mayLogInOn(actorFromUser(user), tenant?.id ?? null)) throw new AuthenticationError(req.t)
  return user
}
