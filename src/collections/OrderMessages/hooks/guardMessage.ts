import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { actorOf } from '@/access/actor'
import { maskContactDetails } from '@/domain/messages/mask'
import { isMessageThread, MASKED_THREADS, MESSAGE_MAX_LENGTH, MESSAGE_THREADS, postRefusal, RECORD_CLOSED_TO_MESSAGES } from '@/domain/messages/threads'
import { PARENT_NOUNS } from '@/domain/records/parents'
import { refuseField } from '@/errors'
import { parentFields, recordForRequest } from '@/operations/recordForRequest'
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
 * Posting in a thread of an order, a special order or a class order (exactly one of
 * `order`, `specialOrder`, `classOrder`): only its participants (reference §3.10), never
 * on an archived order or class. The author, the website and the masking are the server's: contact
 * details are hidden before the message is stored in the client–writer thread. A
 * refusal throws before anything is written.
 */
export const guardMessage: CollectionBeforeValidateHook<OrderMessage> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const problems = inputProblems(data)
  if (problems.length > 0) throw new ValidationError({ collection: 'order-messages', errors: problems }, req.t)
  const thread = data.thread!
  const found = await recordForRequest(req, 'order-messages', data)
  const { tenant, parties } = found
  const refusal =
    parties &&
    (found.parent === 'order'
      ? postRefusal(parties, thread, found.record.status)
      : found.parent === 'specialOrder'
        ? postRefusal(parties, thread, found.status, { field: found.parent, noun: PARENT_NOUNS[found.parent], closed: RECORD_CLOSED_TO_MESSAGES.specialOrder })
        : postRefusal(parties, thread, found.status, { field: found.parent, noun: PARENT_NOUNS[found.parent], closed: RECORD_CLOSED_TO_MESSAGES.classOrder }))
  if (refusal) throw refuseField('order-messages', refusal.path, refusal.message, refusal.status)
  // Switched off, the website's clients and writers no longer write; its staff still reach them.
  if (parties && !parties.includes('staff') && !(await websiteFeature(req, tenant, 'messagingEnabled'))) {
    throw refuseField('order-messages', 'thread', 'thread: messages are switched off on this website.', 403)
  }
  const body = data.body!
  const { text, masked } = MASKED_THREADS.includes(thread) ? maskContactDetails(body) : { text: body, masked: false }
  const actor = actorOf(req)
  return { ...data, ...parentFields(found), tenant, thread, author: actor ? actor.id : (data.author ?? null), body: text, masked }
}
