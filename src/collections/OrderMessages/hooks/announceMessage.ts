import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { messageAudiences } from '@/domain/messages/threads'
import { enqueue } from '@/jobs/enqueue'
import { notify } from '@/operations/notifications/notify'
import type { OrderMessage } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

/**
 * Tells the thread's other members of a new message (on an order, a special order or a
 * class order, whose people they are) through the outbox, in the
 * message's own transaction: no message, no event. Members by name get the
 * `order.message` notification, the website's staff its live event. The event carries ids only, never
 * the text: it is kept in outbox rows and in the live-event history (readable by
 * operators), and the frontend fetches the message through its access-checked API,
 * which also spares it a second, stale copy of what was said.
 */
/** The message's record: its client and writer, and the facts its event carries (ids and the record's number). */
const parentOf = async (req: PayloadRequest, doc: OrderMessage) => {
  const base = { messageId: doc.id, thread: doc.thread }
  const specialOrderId = idOf(doc.specialOrder)
  if (specialOrderId) {
    const record = await req.payload.findByID({ collection: 'special-orders', id: specialOrderId, depth: 0, ...asSystem(proofOf(req)), req })
    return { people: { client: idOf(record.client), writer: idOf(record.writer) }, data: { ...base, specialOrderId, number: record.number } }
  }
  const classOrderId = idOf(doc.classOrder)
  if (classOrderId) {
    const record = await req.payload.findByID({ collection: 'class-orders', id: classOrderId, depth: 0, ...asSystem(proofOf(req)), req })
    return { people: { client: idOf(record.client), writer: idOf(record.writer) }, data: { ...base, classOrderId, number: record.number } }
  }
  const orderId = idOf(doc.order)!
  const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req })
  return { people: { client: idOf(order.client), writer: idOf(order.writer) }, data: { ...base, orderId, number: order.number } }
}

export const announceMessage: CollectionAfterChangeHook<OrderMessage> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const tenant = idOf(doc.tenant)!
  const { people, data } = await parentOf(req, doc)
  const audiences = messageAudiences(doc.thread, { tenant, ...people }, idOf(doc.author))
  // Members by name are notified (which sends their live event); staff, as one audience, hear it live.
  const members = audiences.flatMap((audience) => ('user' in audience ? [audience.user] : []))
  if (members.length > 0) await notify(req, { event: 'order.message', recipients: members, tenant, data, key: `order.message:${doc.id}` })
  // One at a time: the writes share the request's transaction.
  for (const audience of audiences) {
    if ('staffOfTenant' in audience) await enqueue(req, { type: 'live.event', tenant, payload: { audience, event: 'order.message', data } })
  }
  return doc
}
