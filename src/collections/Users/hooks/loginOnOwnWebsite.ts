import type { CollectionBeforeLoginHook } from 'payload'

import { ClientError } from '@/errors'

import { actorFromUser } from '@/access/actor'
import { describeUnresolved, resolveTenant } from '@/operations/resolveTenant'

/**
 * Clients and writers log in only on their own website; staff on any website they hold,
 * or with no website named (the admin panel on the platform host). Refusals are 401s
 * that say why, and no token is issued.
 */
export const loginOnOwnWebsite: CollectionBeforeLoginHook = async ({ req, user }) => {
  const actor = actorFromUser(user)
  const resolution = await resolveTenant(req)

  if (actor.staff) {
    if (!resolution.tenant || actor.allTenants || actor.tenantIds.includes(resolution.tenant.id)) return user
    throw new ClientError(`This staff account does not belong to ${resolution.tenant.name}.`, 401)
  }
  if (!resolution.tenant) {
    throw new ClientError(`Log in on your website's address. ${describeUnresolved(resolution)}`, 401)
  }
  if (!actor.tenantIds.includes(resolution.tenant.id)) {
    throw new ClientError(
      `This account does not belong to ${resolution.tenant.name}; log in on the website where you registered.`,
      401,
    )
  }
  return user
}
