import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import type { ClassOrderStatus } from '@/domain/classOrders/statuses'
import { partiesOf, type OrderParty } from '@/domain/orders/parties'
import { isRefusal, PARENT_NOUNS, parentChoice, type RecordParent } from '@/domain/records/parents'
import type { SpecialOrderStatus } from '@/domain/specialOrders/workflow'
import { refuseField } from '@/errors'
import type { ClassOrder, Order, SpecialOrder } from '@/payload-types'

import { lockClassOrder } from './classOrders/records'
import { orderForRequest } from './orderForRequest'
import { lockSpecialOrder } from './specialOrders/lock'

type Common = { id: number; tenant: number; parties: OrderParty[] | null }

/** The parent a new file or message hangs off, locked, with how the user stands to it (null: the server itself). */
export type RecordForRequest =
  | (Common & { parent: 'order'; record: Order })
  | (Common & { parent: 'specialOrder'; record: SpecialOrder; status: SpecialOrderStatus })
  | (Common & { parent: 'classOrder'; record: ClassOrder; status: ClassOrderStatus })

const partiesFor = (req: PayloadRequest, tenant: number, people: { client: number | null; writer: number | null }): OrderParty[] | null => {
  const actor = actorOf(req)
  return actor ? partiesOf({ id: actor.id, staffOfWebsite: actor.staff && (actor.allTenants || actor.tenantIds.includes(tenant)) }, people) : null
}

/**
 * The one record (`order`, `specialOrder` or `classOrder` of the body) a new file or
 * message is attached to, read as the requesting user sees it: none or several named is a
 * 400 naming the field; one that does not exist and one the user may not see get the same
 * 404 naming it. Locked until the row is stored, so it cannot slip past a cancellation or
 * a change of writer that commits meanwhile. Orders keep their own path (orderForRequest).
 */
export const recordForRequest = async (req: PayloadRequest, collection: string, data: Partial<Record<RecordParent, unknown>>): Promise<RecordForRequest> => {
  const choice = parentChoice(data)
  if (isRefusal(choice)) throw refuseField(collection, choice.path, choice.message, choice.status)
  const { parent, id } = choice
  if (parent === 'order') {
    const { order, tenant, parties } = await orderForRequest(req, collection, id)
    return { parent, id, record: order, tenant, parties }
  }
  const read = { id, depth: 0, disableErrors: true, req, select: { status: true } } as const
  const user = actorOf(req) ? req.user : null
  // As the user sees it (their access decides), or as the server when no user acts.
  const visible =
    parent === 'specialOrder'
      ? user
        ? await req.payload.findByID({ collection: 'special-orders', ...read, overrideAccess: false, user })
        : await req.payload.findByID({ collection: 'special-orders', ...read, ...asSystem(proofOf(req)) })
      : user
        ? await req.payload.findByID({ collection: 'class-orders', ...read, overrideAccess: false, user })
        : await req.payload.findByID({ collection: 'class-orders', ...read, ...asSystem(proofOf(req)) })
  if (!visible) throw refuseField(collection, parent, `${parent}: there is no ${PARENT_NOUNS[parent]} ${id} that you can see.`, 404)
  if (parent === 'specialOrder') {
    const record = await lockSpecialOrder(req, id)
    const tenant = idOf(record.tenant)!
    return { parent, id, record, status: record.status, tenant, parties: partiesFor(req, tenant, { client: idOf(record.client), writer: idOf(record.writer) }) }
  }
  const record = await lockClassOrder(req, id)
  const tenant = idOf(record.tenant)!
  return { parent, id, record, status: record.status, tenant, parties: partiesFor(req, tenant, { client: idOf(record.client), writer: idOf(record.writer) }) }
}

/** The parent fields of a row attached to `found`: its own id, the other two null. */
export const parentFields = (found: RecordForRequest): Record<RecordParent, number | null> => ({
  order: found.parent === 'order' ? found.id : null,
  specialOrder: found.parent === 'specialOrder' ? found.id : null,
  classOrder: found.parent === 'classOrder' ? found.id : null,
})
