import type { FieldAccess } from 'payload'

import { actorOf, hasRole, idOf } from '@/access/actor'

/** Staff, and the writer the order is assigned to (not a writer merely looking at the pool). */
export const staffOrOrderWriter: FieldAccess = ({ req, doc }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (actor.staff) return true
  return hasRole(actor, 'writer') && idOf((doc as { writer?: number | { id: number } | null } | undefined)?.writer) === actor.id
}
