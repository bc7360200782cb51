import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'

import { type Actor, actorOf, idOf } from '@/access/actor'
import type { Role } from '@/domain/roles'
import { ClientError } from '@/errors'

/**
 * The document as the caller may read it through the collection's read access, with its
 * website: 401 when anonymous, 404 when they cannot see it (other websites included), as
 * if it did not exist.
 */
export const visibleDoc = async <C extends CollectionSlug>(req: PayloadRequest, collection: C, id: number): Promise<{ actor: Actor; doc: DataFromCollectionSlug<C>; tenant: number }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { docs } = await req.payload.find({ collection, where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: false, user: req.user, req })
  const doc = docs[0] as DataFromCollectionSlug<C> | undefined
  if (!doc) throw new ClientError('Not Found', 404)
  return { actor, doc, tenant: idOf((doc as { tenant?: number | { id: number } | null }).tenant)! }
}

/** Staff in one of `roles` of the website, or a superadmin. */
export const staffOf = (actor: Actor, tenant: number, roles: readonly Role[]): boolean =>
  actor.allTenants || (actor.roles.some((r) => roles.includes(r)) && actor.tenantIds.includes(tenant))

/** An admin of the website, or a superadmin. */
export const adminOf = (actor: Actor, tenant: number): boolean => staffOf(actor, tenant, ['admin'])

/**
 * For a staff action on one document: the caller must see it (404 otherwise) and hold
 * one of `roles` on its website, or be a superadmin (403, `refusal` says why).
 */
export const staffOfVisible = async <C extends CollectionSlug>(req: PayloadRequest, collection: C, id: number, roles: readonly Role[], refusal: string) => {
  const visible = await visibleDoc(req, collection, id)
  if (!staffOf(visible.actor, visible.tenant, roles)) throw new ClientError(refusal, 403)
  return visible
}

/** `staffOfVisible` for admins. */
export const adminOfVisible = <C extends CollectionSlug>(req: PayloadRequest, collection: C, id: number, refusal: string) => staffOfVisible(req, collection, id, ['admin'], refusal)
