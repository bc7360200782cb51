import type { Where } from 'payload'

import type { Actor } from './actor'

/**
 * Matches no row. Row rules answer with it instead of `false` so that a document the
 * user may not touch looks exactly like one that does not exist (404, empty list),
 * never a 403 that confirms it is there.
 */
export const MATCH_NOTHING: Where = { id: { exists: false } }

/** Rows whose tenant field lies in the actor's websites; `true` for superadmin. */
export const inActorTenants = (actor: Actor, field = 'tenant'): Where | true => {
  if (actor.allTenants) return true
  if (actor.tenantIds.length === 0) return MATCH_NOTHING
  return { [field]: { in: actor.tenantIds } }
}

export const isSelf = (actor: Actor): Where => ({ id: { equals: actor.id } })
