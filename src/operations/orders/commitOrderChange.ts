import type { PayloadRequest } from 'payload'

import type { ORDER_EVENT_KINDS } from '@/collections/orderRecords/OrderEvents'
import type { OrderAction } from '@/domain/orders/actions'
import type { Order, OrderEvent } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import type { Effect } from './effects'
import { notifyOrderChange } from './notifyOrderChange'
import { tenantOf } from './records'

export type ChangeResult = { doc: Order; event: OrderEvent }

/**
 * Writes a decided change of a locked order, in the caller's transaction: the order's
 * new state (stamped as activity), one timeline event, and the notifications.
 */
export const commitOrderChange = async (
  req: PayloadRequest,
  order: Order,
  change: { action: OrderAction | (typeof ORDER_EVENT_KINDS)[number]; actorId: number | null; effect: Effect; reason?: string | null; now: Date },
): Promise<ChangeResult> => {
  const { effect, now } = change
  const to = effect.status ?? order.status
  const doc = await req.payload.update({
    collection: 'orders',
    id: order.id,
    data: { ...effect.patch, status: to, monitoring: { ...order.monitoring, ...effect.patch?.monitoring, lastActivityAt: now.toISOString() } },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const event = await req.payload.create({
    collection: 'order-events',
    data: { tenant: tenantOf(order), order: order.id, action: change.action, from: order.status, to, actor: change.actorId, reason: change.reason ?? null, metadata: effect.metadata ?? null },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await notifyOrderChange(req, order, doc, event, effect.notify)
  return { doc, event }
}
