import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { QUOTE_WORKFLOW, type QuoteActor, type QuoteStatus } from '@/domain/specialOrders/quotes'
import type { SYSTEM } from '@/domain/workflow/define'
import { ClientError } from '@/errors'
import type { SpecialOrderQuote } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { lockQuote, lockSpecialOrder } from './lock'
import { issueFundingPlan } from './plan'
import { tellParties } from './tell'

/** The order first, then its quote: the order's own actions lock in the same order. */
const lockQuoteAndOrder = async (req: PayloadRequest, id: number): Promise<SpecialOrderQuote> => {
  const { specialOrder } = await req.payload.findByID({ collection: 'special-order-quotes', id, depth: 0, ...asSystem(proofOf(req)), req, select: { specialOrder: true } })
  await lockSpecialOrder(req, idOf(specialOrder)!)
  return lockQuote(req, id)
}

const TARGET = { accept: 'accepted', reject: 'rejected', expire: 'expired', withdraw: 'cancelled' } as const satisfies Record<string, QuoteStatus>

/**
 * A special order's quotes on the workflow pattern: the client accepts an unexpired sent
 * quote (the order's price becomes the quote's total, its funding plan is issued and it
 * waits for the deposit) or rejects it; the platform expires it; staff withdraw it. An
 * answered quote sends its order back to staff (quote pending). Each step is on the
 * quote's timeline and on its order's.
 */
export const QUOTE_SUBJECT = defineSubject({
  collection: 'special-order-quotes',
  workflow: QUOTE_WORKFLOW,
  lock: lockQuoteAndOrder,
  context: async (_req, quote: SpecialOrderQuote, actor) => {
    const tenant = idOf(quote.tenant)!
    const facts = { status: quote.status, expiresAt: quote.expiresAt ? new Date(quote.expiresAt) : null }
    const who: QuoteActor | typeof SYSTEM = actorAs(actor, tenant, { client: quote.client })
    return { facts, actor: who }
  },
  apply: async ({ req, doc, action, input, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    const actorId = actor?.id ?? null
    const reason = typeof input.reason === 'string' && input.reason.trim() ? input.reason.trim() : null
    const order = await req.payload.findByID({ collection: 'special-orders', id: idOf(doc.specialOrder)!, depth: 0, ...asSystem(proofOf(req)), req })
    if (action === 'accept' && order.status !== 'quote_sent') throw new ClientError(`The special order is ${order.status}: this quote can no longer be accepted.`, 409)
    const quote = await req.payload.update({ collection: 'special-order-quotes', id: doc.id, data: { status: TARGET[action], decidedAt: now.toISOString(), ...(reason ? { answer: reason } : {}) }, depth: 0, ...asSystem(proofOf(req)), req })
    const event = await recordEvent(req, { collection: 'special-order-quotes', document: doc.id, tenant, action, actor: actorId, from: doc.status, to: quote.status, reason, data: { specialOrder: order.id, total: doc.total } })
    const extra: Record<string, unknown> = { specialOrder: order.id }
    if (order.status === 'quote_sent') {
      let after = order
      if (action === 'accept') {
        const planned = await issueFundingPlan(req, order, doc.total, { now }, actorId, typeof input.discountCode === 'string' ? input.discountCode : undefined)
        after = planned.order
        extra.invoice = idOf(after.invoice)
        extra.milestones = planned.milestones.map((m) => m.id)
      } else {
        after = await req.payload.update({ collection: 'special-orders', id: order.id, data: { status: 'quote_pending' }, depth: 0, ...asSystem(proofOf(req)), req })
      }
      const orderEvent = await recordEvent(req, { collection: 'special-orders', document: order.id, tenant, action: `quote.${action}`, actor: actorId, from: order.status, to: after.status, reason, data: { quote: doc.id, total: doc.total } })
      if (action === 'expire') await tellParties(req, after, 'quoteExpired', ['client'], actorId, orderEvent.id, { quote: doc.id })
    }
    return { doc: quote, event, extra }
  },
})
