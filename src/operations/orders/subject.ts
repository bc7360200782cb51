import { actorOf } from '@/access/actor'
import { type OrderAction, ORDER_WORKFLOW } from '@/domain/orders/actions'
import { eventMetadataFor } from '@/domain/orders/eventStory'
import { canTransition } from '@/domain/orders/statuses'
import type { OrderEvent } from '@/payload-types'

import { defineSubject } from '../workflow/subject'

import { commitOrderChange } from './commitOrderChange'
import { EFFECTS } from './effects'
import { type ActionContext, loadActionContext } from './loadActionContext'
import { readLockedOrder } from './lockOrder'

const REASON_KEYS = ['reason', 'description', 'summary', 'note'] as const

/** Orders on the one workflow pattern: the effects table, and the order-shaped timeline (`order-events`). */
export const ORDER_SUBJECT = defineSubject({
  collection: 'orders',
  workflow: ORDER_WORKFLOW,
  lock: readLockedOrder,
  context: async (req, order, actor): Promise<ActionContext & { facts: ActionContext['orderFacts']; actor: ActionContext['actorFacts'] }> => {
    const ctx = await loadActionContext(req, order, actor)
    return { ...ctx, facts: ctx.orderFacts, actor: ctx.actorFacts }
  },
  apply: async ({ req, doc, ctx, action, input, actor, now }) => {
    const effect = await EFFECTS[action as OrderAction]({ req, ctx, actor, input: input as never, now })
    const to = effect.status ?? doc.status
    if (to !== doc.status && !canTransition(doc.status, to)) throw new Error(`workflow data disagree: ${action} led ${doc.status} → ${to}`)
    const reason = REASON_KEYS.map((key) => input[key]).find((v): v is string => typeof v === 'string' && v.length > 0)
    return commitOrderChange(req, doc, { action: action as OrderAction, actorId: actor?.id ?? null, effect, reason, now })
  },
  // Parties read only their part of an event's metadata (`eventStory`).
  presentEvent: (req, event) => {
    const actor = actorOf(req)
    const written = event as OrderEvent
    return { ...written, metadata: eventMetadataFor(actor?.roles ?? [], actor?.staff ?? false, written.metadata) }
  },
})
