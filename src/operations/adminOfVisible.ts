import type { CollectionSlug, PayloadRequest } from 'payload'

import { type Actor, actorOf, idOf } from '@/access/actor'
import { ClientError } from '@/errors'

/**
 * For a staff action on one document: the caller must see it through the collection's
 * read access (404 otherwise, as if it did not exist, other websites included) and be an
 * admin of its website or a superadmin (403, `refusal` says why).
 */
export const adminOfVisible = async (req: PayloadRequest, collection: CollectionSlug, id: number, refusal: string): Promise<{ actor: Actor; tenant: number }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { docs } = await req.payload.find({ collection, where: { id: { equals: id } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
  const doc = docs[0] as { tenant?: number | { id: number } | null } | undefined
  if (!doc) throw new ClientError('Not Found', 404)
  const tenant = idOf(doc.tenant)!
  if (!(actor.allTenants || (actor.roles.includes('admin') && actor.tenantIds.includes(tenant)))) throw new ClientError(refusal, 403)
  return { actor, tenant }
}
