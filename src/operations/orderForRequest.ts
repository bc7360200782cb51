import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { partiesOf, type OrderParty } from '@/domain/orders/parties'
import { refuseField } from '@/errors'
import type { Order } from '@/payload-types'

import { readLockedOrder } from './orders/lockOrder'

export type OrderForRequest = {
  order: Order
  tenant: number
  /** How the user stands to the order; null when the server acts for itself (no user). */
  parties: OrderParty[] | null
}

/**
 * The order a new file or message is attached to (`value`: the body's `order`), read as
 * the requesting user sees it. An order that does not exist and one the user may not see
 * get the same 404 naming `order`, so nothing confirms another website's order exists.
 * Without a user (seed, jobs, the Local API in tests) the server acts for itself.
 */
export const orderForRequest = async (req: PayloadRequest, collection: string, value: unknown): Promise<OrderForRequest> => {
  const id = typeof value === 'object' && value !== null ? idOf(value as { id: number }) : value
  if (typeof id !== 'number' || !Number.isInteger(id)) throw refuseField(collection, 'order', 'order: name the order by its id.', 400)
  const actor = actorOf(req)
  const read = { collection: 'orders', id, depth: 0, disableErrors: true, req, select: { status: true } } as const
  const visible = actor ? await req.payload.findByID({ ...read, overrideAccess: false, user: req.user }) : await req.payload.findByID({ ...read, ...asSystem(proofOf(req)) })
  if (!visible) throw refuseField(collection, 'order', `order: there is no order ${id} that you can see.`, 404)
  // Locked until the file or message is stored: it cannot slip past a cancellation or
  // a change of writer that commits meanwhile.
  const order = await readLockedOrder(req, id)
  const tenant = idOf(order.tenant)!
  const parties = actor
    ? partiesOf(
        { id: actor.id, staffOfWebsite: actor.staff && (actor.allTenants || actor.tenantIds.includes(tenant)) },
        { client: idOf(order.client), writer: idOf(order.writer) },
      )
    : null
  return { order, tenant, parties }
}
