import type { Where } from 'payload'

import type { Actor } from './actor'

/**
 * Matches no row. Row rules answer with it instead of `false` so that a document the
 * user may not touch looks exactly like one that does not exist (404, empty list),
 * never a 403 that confirms it is there.
 */
export const MATCH_NOTHING: Where = { id: { exists: false } }

/**
 * Rows whose tenant field lies in the actor's websites; `true` for superadmin. One
 * website (every client and writer, most staff) is an equality, not `in`: PostgreSQL
 * then walks the `(tenant, …, createdAt)` indexes in order for sorted pages, where
 * `tenant_id IN (…)` made it sort every matching row or scan by date across websites.
 */
export const inActorTenants = (actor: Actor, field = 'tenant'): Where | true => {
  if (actor.allTenants) return true
  if (actor.tenantIds.length === 0) return MATCH_NOTHING
  if (actor.tenantIds.length === 1) return { [field]: { equals: actor.tenantIds[0] } }
  return { [field]: { in: actor.tenantIds } }
}

export const isSelf = (actor: Actor): Where => ({ id: { equals: actor.id } })
