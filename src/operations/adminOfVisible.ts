import type { CollectionSlug, PayloadRequest } from 'payload'

import { type Actor, actorOf, idOf } from '@/access/actor'
import { ClientError } from '@/errors'

type TenantDoc = { id: number; tenant?: number | { id: number } | null; status?: string | null }

/**
 * The document as the caller may read it through the collection's read access, with its
 * website: 401 when anonymous, 404 when they cannot see it (other websites included), as
 * if it did not exist.
 */
export const visibleDoc = async (req: PayloadRequest, collection: CollectionSlug, id: number): Promise<{ actor: Actor; doc: TenantDoc; tenant: number }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { docs } = await req.payload.find({ collection, where: { id: { equals: id } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
  const doc = docs[0] as TenantDoc | undefined
  if (!doc) throw new ClientError('Not Found', 404)
  return { actor, doc, tenant: idOf(doc.tenant)! }
}

/** An admin of the website, or a superadmin. */
export const adminOf = (actor: Actor, tenant: number): boolean => actor.allTenants || (actor.roles.includes('admin') && actor.tenantIds.includes(tenant))

/**
 * For a staff action on one document: the caller must see it (404 otherwise) and be an
 * admin of its website or a superadmin (403, `refusal` says why).
 */
export const adminOfVisible = async (req: PayloadRequest, collection: CollectionSlug, id: number, refusal: string): Promise<{ actor: Actor; tenant: number }> => {
  const { actor, tenant } = await visibleDoc(req, collection, id)
  if (!adminOf(actor, tenant)) throw new ClientError(refusal, 403)
  return { actor, tenant }
}
