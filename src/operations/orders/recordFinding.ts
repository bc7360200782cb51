import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'

import type { ORDER_EVENT_KINDS } from '@/collections/orderRecords/OrderEvents'
import { orderEventOf } from '@/domain/notifications/events/orders'
import { enqueue } from '@/jobs/enqueue'
import type { Order } from '@/payload-types'

import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'

import { lockOrder } from './lockOrder'
import { idOf, tenantOf } from './records'

type Finding = {
  /** Monitoring marks to set, so the finding is acted on once. */
  marks: Partial<NonNullable<Order['monitoring']>>
  metadata: Record<string, unknown>
  notifyWriter: boolean
  notifyStaff: boolean
}

/**
 * A schedule's finding about one order (reminder, overdue, stuck): decided again on the
 * locked, fresh row (`decide` returns null when there is nothing to do any more), then
 * marked, written to the timeline and told (the writer by a notification, staff by the
 * finding's live event), in one transaction (the caller's, when it
 * has one). Does not count as activity on the order.
 */
export const recordFinding = async (req: PayloadRequest, orderId: number, kind: (typeof ORDER_EVENT_KINDS)[number], now: Date, decide: (order: Order) => Finding | null): Promise<boolean> => {
  const { payload } = req
  return inTransaction(req, async () => {
    await lockOrder(req, orderId)
    const order = await payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req })
    const finding = decide(order)
    if (!finding) return false
    const tenant = tenantOf(order)
    await payload.update({ collection: 'orders', id: orderId, data: { monitoring: { ...order.monitoring, ...finding.marks } }, depth: 0, ...asSystem(proofOf(req)), req })
    const event = await payload.create({
      collection: 'order-events',
      data: { tenant, order: orderId, action: kind, from: order.status, to: order.status, actor: null, metadata: finding.metadata },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    const data = { orderId, number: order.number, kind, eventId: event.id, ...finding.metadata }
    const writer = idOf(order.writer)
    const told = orderEventOf(kind)
    if (finding.notifyWriter && writer && told) await notify(req, { event: told, recipients: [writer], tenant, data: { ...data, currency: order.currency }, key: `${told}:${orderId}:${event.id}` })
    if (finding.notifyStaff) await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: `order.${kind}`, data } })
    return true
  })
}
