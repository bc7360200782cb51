import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '@/access/actor'
import { messageAudiences } from '@/domain/messages/threads'
import { enqueue } from '@/jobs/enqueue'
import { notify } from '@/operations/notifications/notify'
import type { OrderMessage } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

/**
 * Tells the thread's other members of a new message through the outbox, in the
 * message's own transaction: no message, no event. Members by name get the
 * `order.message` notification, the website's staff its live event. The event carries ids only, never
 * the text: it is kept in outbox rows and in the live-event history (readable by
 * operators), and the frontend fetches the message through its access-checked API,
 * which also spares it a second, stale copy of what was said.
 */
export const announceMessage: CollectionAfterChangeHook<OrderMessage> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const orderId = idOf(doc.order)!
  const tenant = idOf(doc.tenant)!
  const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req })
  const audiences = messageAudiences(doc.thread, { tenant, client: idOf(order.client), writer: idOf(order.writer) }, idOf(doc.author))
  const data = { orderId, number: order.number, messageId: doc.id, thread: doc.thread }
  // Members by name are notified (which sends their live event); staff, as one audience, hear it live.
  const members = audiences.flatMap((audience) => ('user' in audience ? [audience.user] : []))
  if (members.length > 0) await notify(req, { event: 'order.message', recipients: members, tenant, data, key: `order.message:${doc.id}` })
  // One at a time: the writes share the request's transaction.
  for (const audience of audiences) {
    if ('staffOfTenant' in audience) await enqueue(req, { type: 'live.event', tenant, payload: { audience, event: 'order.message', data } })
  }
  return doc
}
