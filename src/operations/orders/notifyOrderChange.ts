import type { PayloadRequest } from 'payload'

import { enqueue } from '@/jobs/enqueue'
import type { Order, OrderEvent } from '@/payload-types'

import { idOf, tenantOf } from './records'

/**
 * Tells everyone concerned, through the outbox (so only a committed change is told):
 * the client, the writer before and after, anyone else the action names, and the
 * website's staff. The actor already knows.
 */
export const notifyOrderChange = async (req: PayloadRequest, before: Order, after: Order, event: OrderEvent, extra: (number | null | undefined)[] = []) => {
  const actorId = idOf(event.actor)
  const people = new Set<number>()
  for (const id of [idOf(after.client), idOf(before.writer), idOf(after.writer), idOf(after.pendingWriter), ...extra]) {
    if (id != null && id !== actorId) people.add(id)
  }
  const data = { orderId: after.id, number: after.number, action: event.action, from: event.from, to: event.to, eventId: event.id }
  const tenant = tenantOf(after)
  for (const user of people) {
    await enqueue(req, { type: 'live.event', tenant, payload: { audience: { user }, event: 'order.changed', data } })
  }
  await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: 'order.changed', data } })
}
