import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest, Where } from 'payload'

import { type Actor, actorOf, idOf } from '@/access/actor'
import { recordProof, type SystemProof, systemProof } from '@/access/system'
import type { Role } from '@/domain/roles'
import { onWebsite, staffOf as staffOfWebsite } from '@/domain/workflow/websiteActor'
import { ClientError } from '@/errors'
import type { Tenant } from '@/payload-types'

import { resolveTenant, type TenantResolution } from './resolveTenant'

/**
 * The gate (issue 11): work reached over HTTP reads its subject as the caller
 * (`overrideAccess: false`) before it may act as the system. Each function here does
 * that read, refuses as the API would (401, 404, 403), and records a proof for the
 * request, which later steps pass to `asSystem(proofOf(req), …)`. See docs/decisions.md,
 * "One gate".
 */
const admit = (req: PayloadRequest, why: string): SystemProof => {
  const proof = systemProof(why)
  recordProof(req, proof)
  return proof
}

/**
 * The document as the caller may read it through the collection's read access, with its
 * website: 401 when anonymous, 404 when they cannot see it (other websites included), as
 * if it did not exist.
 */
export const visibleDoc = async <C extends CollectionSlug>(req: PayloadRequest, collection: C, id: number): Promise<{ actor: Actor; doc: DataFromCollectionSlug<C>; tenant: number; proof: SystemProof }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { docs } = await req.payload.find({ collection, where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: false, user: req.user, req })
  const doc = docs[0] as DataFromCollectionSlug<C> | undefined
  if (!doc) throw new ClientError('Not Found', 404)
  const proof = admit(req, `${collection} ${id}, visible to user ${actor.id}`)
  return { actor, doc, tenant: idOf((doc as { tenant?: number | { id: number } | null }).tenant)!, proof }
}

/**
 * The rows of `collection` that `where` picks among those the caller may read (their
 * read access decides), and a proof for the system reads about those rows that follow
 * (a client's special orders: their milestones and their website's delivery settings).
 * Nothing read, nothing admitted: no proof without a row the caller sees.
 */
export const visibleRows = async <C extends CollectionSlug>(req: PayloadRequest, collection: C, where: Where): Promise<{ docs: DataFromCollectionSlug<C>[]; proof: SystemProof | null }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { docs } = await req.payload.find({ collection, where, depth: 0, limit: 0, pagination: false, overrideAccess: false, user: req.user, req })
  if (docs.length === 0) return { docs: [], proof: null }
  return { docs: docs as DataFromCollectionSlug<C>[], proof: admit(req, `${collection} ${docs.map((d) => d.id).join(', ')}, visible to user ${actor.id}`) }
}

/** Staff in one of `roles` of the website, or a superadmin. */
export const staffOf = (actor: Actor, tenant: number, roles: readonly Role[]): boolean => staffOfWebsite(...roles)(onWebsite(actor, tenant))

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

/** 404 unless the caller may read the order: others' orders do not exist for them. */
export const visibleOrder = async (req: PayloadRequest, id: number): Promise<SystemProof> => {
  if (!req.user) throw new ClientError('Log in to act on an order.', 401)
  const { totalDocs } = await req.payload.count({ collection: 'orders', where: { id: { equals: id } }, overrideAccess: false, user: req.user, req })
  if (totalDocs === 0) throw new ClientError('Not Found', 404)
  return admit(req, `order ${id}, visible to user ${String(req.user.id)}`)
}

/**
 * The signed-in caller and the request's website, which they must belong to (401 when
 * anonymous; 404 when the website is unknown or not theirs, as if it did not exist).
 */
export const requestMember = async (req: PayloadRequest): Promise<{ actor: Actor; tenant: Tenant; proof: SystemProof }> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  const { tenant } = await resolveTenant(req)
  if (!tenant || !(actor.allTenants || actor.tenantIds.includes(tenant.id))) throw new ClientError('Not Found', 404)
  return { actor, tenant, proof: admit(req, `a member of website ${tenant.id}`) }
}

/**
 * The request's website for a signed-in caller who acts on what is theirs there (a
 * client paying their own debts): 403 with `refusal` unless they belong to it.
 */
export const ownWebsite = async (req: PayloadRequest, actor: Actor, refusal: string): Promise<Tenant> => {
  const { tenant } = await resolveTenant(req)
  if (!tenant || !(actor.allTenants || actor.tenantIds.includes(tenant.id))) throw new ClientError(refusal, 403)
  admit(req, `user ${actor.id} on their own website ${tenant.id}`)
  return tenant
}

/**
 * For the public endpoints (registration, quotes, order options, the website's face, pay
 * links): nobody signs in, the subject is the request's website, which may be unknown
 * (the caller answers that; a pay link then stands on its token alone).
 */
export const publicRequest = async (req: PayloadRequest, endpoint: string): Promise<TenantResolution> => {
  const resolution = await resolveTenant(req)
  admit(req, `public endpoint ${endpoint} of ${resolution.tenant ? `website ${resolution.tenant.id}` : 'no website'}`)
  return resolution
}

/**
 * For a provider's webhook: `verify` checks the signature over the raw body (and throws
 * when it fails); what it returns is the provider's word, on which the platform acts.
 */
export const verifiedWebhook = <T>(req: PayloadRequest, provider: string, verify: () => T): T => {
  const event = verify()
  admit(req, `${provider} webhook with a valid signature`)
  return event
}

/**
 * For Payload's own REST and GraphQL operations (find, create, update, login…): access
 * runs inside them, before any hook that acts as the system. The API guard calls this.
 */
export const payloadOperation = (req: PayloadRequest, collection: string, operation: string): void => {
  admit(req, `Payload's ${operation} on ${collection} over ${req.payloadAPI}`)
}
