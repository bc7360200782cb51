import type { Access, Where } from 'payload'

import { actorOf, hasRole } from './actor'
import { inActorTenants, MATCH_NOTHING } from './where'

/** Extra conditions on the rows of an order for its client and its current writer. */
export type OrderPartyRows = {
  client: (actorId: number) => Where
  writer: (actorId: number) => Where
}

/**
 * Rows that belong to an order through their `order` relationship (its files, its
 * messages), by how the reader stands to that order: staff of its website read every row;
 * its client and its current writer read the rows `rules` allow them. The nested
 * conditions (`order.client`, `order.status`) are joins in SQL, so lists, counts and the
 * file route are all filtered by the database.
 */
export const orderPartyRows =
  (rules: OrderPartyRows): Access =>
  ({ req }) => {
    const actor = actorOf(req)
    if (!actor) return false
    const tenant = inActorTenants(actor)
    if (tenant === true) return true
    if (actor.staff) return tenant
    if (hasRole(actor, 'client')) return { and: [tenant, { 'order.client': { equals: actor.id } }, rules.client(actor.id)] }
    if (hasRole(actor, 'writer')) return { and: [tenant, { 'order.writer': { equals: actor.id } }, rules.writer(actor.id)] }
    return MATCH_NOTHING
  }
