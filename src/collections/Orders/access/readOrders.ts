import type { Access } from 'payload'

import { actorOf, hasRole } from '@/access/actor'
import { inActorTenants, MATCH_NOTHING } from '@/access/where'

/**
 * Staff read their websites' orders; clients their own; writers their own, those
 * assigned to them awaiting acceptance, the paid pool of their website and the orders
 * they are invited to as preferred writer.
 */
export const readOrders: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  if (actor.allTenants) return true
  const tenant = inActorTenants(actor)
  if (tenant === true) return true
  if (actor.staff) return tenant
  if (hasRole(actor, 'client')) return { and: [tenant, { client: { equals: actor.id } }] }
  if (hasRole(actor, 'writer')) {
    return {
      and: [
        tenant,
        {
          or: [
            { writer: { equals: actor.id } },
            { pendingWriter: { equals: actor.id } },
            {
              and: [
                { status: { equals: 'ready_for_staffing' } },
                { visibility: { equals: 'pool' } },
                { paymentStatus: { equals: 'fully_paid' } },
              ],
            },
            { and: [{ preferredWriter: { equals: actor.id } }, { visibility: { equals: 'preferred_writer_only' } }] },
          ],
        },
      ],
    }
  }
  return MATCH_NOTHING
}
