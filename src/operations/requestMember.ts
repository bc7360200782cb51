import type { PayloadRequest } from 'payload'

import { type Actor, actorOf } from '@/access/actor'
import { ClientError } from '@/errors'
import type { Tenant } from '@/payload-types'

import { resolveTenant } from './resolveTenant'

/**
 * The signed-in caller and the request's website, which they must belong to (401 when
 * anonymous; 404 when the website is unknown or not theirs, as if it did not exist).
 */
export const requestMember = async (req: PayloadRequest): Promise<{ actor: Actor; tenant: Pick<Tenant, 'id' | 'currency'> }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { tenant } = await resolveTenant(req)
  if (!tenant || !(actor.allTenants || actor.tenantIds.includes(tenant.id))) throw new ClientError('Not Found', 404)
  return { actor, tenant }
}
