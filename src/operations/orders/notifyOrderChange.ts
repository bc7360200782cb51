import type { PayloadRequest } from 'payload'

import { orderEventOf } from '@/domain/notifications/events/orders'
import { partiesBut } from '@/domain/notifications/recipients'
import { enqueue } from '@/jobs/enqueue'
import type { Order, OrderEvent } from '@/payload-types'

import { notify } from '../notifications/notify'

import { idOf, tenantOf } from './records'

/**
 * Tells everyone concerned, through the outbox (so only a committed change is told):
 * the parties — the client, the writer before and after, the writer an assignment waits
 * for, the order's editor, anyone else the action names — by a notification of the
 * action's event (`order.assigned`, …; `notify` sends their live event), and the
 * website's staff by the `order.changed` live event their lists follow. The actor
 * already knows. An action with no notification of its own (a bid) still refreshes the
 * parties' views with `order.changed`.
 */
export const notifyOrderChange = async (req: PayloadRequest, before: Order, after: Order, event: OrderEvent, extra: (number | null | undefined)[] = []) => {
  const people = partiesBut(idOf(event.actor), [idOf(after.client), idOf(before.writer), idOf(after.writer), idOf(before.pendingWriter), idOf(after.pendingWriter), idOf(after.editor), ...extra])
  const data = { orderId: after.id, number: after.number, action: event.action, from: event.from, to: event.to, eventId: event.id }
  const tenant = tenantOf(after)
  const told = orderEventOf(event.action)
  if (told && people.length > 0) {
    const key = `${told}:${after.id}:${event.id}`
    // The timeline's reason stays with staff (it may be one party's words about another).
    // The price is the client's: a writer never reads it, on the order or in what they are told
    // (the row's data, its live event, its mail).
    const client = idOf(after.client)
    if (client !== null && people.includes(client)) await notify(req, { event: told, recipients: [client], tenant, data: { ...data, currency: after.currency, total: after.total }, key })
    const others = people.filter((user) => user !== client)
    if (others.length > 0) await notify(req, { event: told, recipients: others, tenant, data, key })
  } else if (!told) {
    for (const user of people) await enqueue(req, { type: 'live.event', tenant, payload: { audience: { user }, event: 'order.changed', data } })
  }
  await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: 'order.changed', data } })
}
