import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { actorOf } from '@/access/actor'
import { maskContactDetails } from '@/domain/messages/mask'
import { isMessageThread, MASKED_THREADS, MESSAGE_MAX_LENGTH, MESSAGE_THREADS, postRefusal } from '@/domain/messages/threads'
import { refuseField } from '@/errors'
import { orderForRequest } from '@/operations/orderForRequest'
import { websiteFeature } from '@/operations/websiteFeature'
import type { OrderMessage } from '@/payload-types'

type Problem = { path: string; message: string }

const inputProblems = (data: Partial<OrderMessage>): Problem[] => {
  const problems: Problem[] = []
  if (!isMessageThread(data.thread)) problems.push({ path: 'thread', message: `Must be one of ${MESSAGE_THREADS.join(', ')}.` })
  if (typeof data.body !== 'string' || !data.body.trim()) problems.push({ path: 'body', message: 'Write a message.' })
  else if (data.body.length > MESSAGE_MAX_LENGTH) problems.push({ path: 'body', message: `At most ${MESSAGE_MAX_LENGTH} characters.` })
  return problems
}

/**
 * Posting in a thread of an order: only its participants (reference §3.10), never on an
 * archived order. The author, the website and the masking are the server's: contact
 * details are hidden before the message is stored in the client–writer thread. A
 * refusal throws before anything is written.
 */
export const guardMessage: CollectionBeforeValidateHook<OrderMessage> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const problems = inputProblems(data)
  if (problems.length > 0) throw new ValidationError({ collection: 'order-messages', errors: problems }, req.t)
  const thread = data.thread!
  const { order, tenant, parties } = await orderForRequest(req, 'order-messages', data.order)
  const refusal = parties && postRefusal(parties, thread, order.status)
  if (refusal) throw refuseField('order-messages', refusal.path, refusal.message, refusal.status)
  // Switched off, the website's clients and writers no longer write; its staff still reach them.
  if (parties && !parties.includes('staff') && !(await websiteFeature(req, tenant, 'messagingEnabled'))) {
    throw refuseField('order-messages', 'thread', 'thread: messages are switched off on this website.', 403)
  }
  const body = data.body!
  const { text, masked } = MASKED_THREADS.includes(thread) ? maskContactDetails(body) : { text: body, masked: false }
  const actor = actorOf(req)
  return { ...data, order: order.id, tenant, thread, author: actor ? actor.id : (data.author ?? null), body: text, masked }
}
