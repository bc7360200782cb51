import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '@/access/actor'
import { messageAudiences } from '@/domain/messages/threads'
import { enqueue } from '@/jobs/enqueue'
import type { OrderMessage } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

/**
 * Tells the thread's other members of a new message through the outbox, in the
 * message's own transaction: no message, no event. The event carries ids only, never
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
  // One at a time: the writes share the request's transaction.
  for (const audience of audiences) {
    await enqueue(req, {
      type: 'live.event',
      tenant,
      payload: { audience, event: 'order.message', data: { orderId, messageId: doc.id, thread: doc.thread } },
    })
  }
  return doc
}
