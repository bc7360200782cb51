import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { fundingStatusOf, statusAfterFunding } from '@/domain/specialOrders/funding'
import { DEFAULT_PIECE_RATES, pieceLines, priceQuote, type QuoteLineInput } from '@/domain/specialOrders/quotes'
import { DELIVERED, SPECIAL_ORDER_WORKFLOW, type SpecialDisputeOutcome, WAITING_FOR_MONEY, type SpecialOrderActor, type SpecialOrderStatus } from '@/domain/specialOrders/workflow'
import { compensationProblem } from '@/domain/classOrders/compensation'
import type { ClassCompensationKind } from '@/domain/classOrders/statuses'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import type { SYSTEM } from '@/domain/workflow/define'
import { refuseField } from '@/errors'
import type { SpecialOrder, Tenant } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'
import { websiteFeature } from '@/operations/websiteFeature'

import { cancelPlan } from './cancelPlan'
import { openDispute, openDisputeOf, resolveDispute } from './disputes'
import { earnSpecialOrder } from './earning'
import { refundSpecialOrder } from './refund'
import { waiveInstallment } from '../invoices/waiveInstallment'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { acceptChange, priceChange, rejectChange, requestChange } from './changes'
import { lockSpecialOrderAndPlans } from './lock'
import { factOf, milestonesOf } from './milestones'
import { websiteSpecialOrders } from './settings'
import { tellParties } from './tell'

const HOUR_MS = 3600 * 1000

/** Where a refund asked in an action's input goes (both optional: the website decides the default). */
const refundAskOf = (input: Record<string, unknown>): RefundAsk => ({
  destination: (input.destination as RefundAsk['destination']) ?? null,
  externalReference: typeof input.externalReference === 'string' ? input.externalReference : null,
})
const refuse = (path: string, message: string) => refuseField('special-orders', path, message, 400)

/** Who hears of an action: the event's name and which of the order's people (never the actor). */
const TOLD: Partial<Record<string, { what: string; who: readonly ('client' | 'writer')[] }>> = {
  sendQuote: { what: 'quoteSent', who: ['client'] },
  assign: { what: 'assigned', who: ['client', 'writer'] },
  submit: { what: 'submitted', who: ['client'] },
  complete: { what: 'completed', who: ['client', 'writer'] },
  requestRevision: { what: 'revisionRequested', who: ['writer'] },
  approve: { what: 'approved', who: ['writer'] },
  hold: { what: 'onHold', who: ['client', 'writer'] },
  resume: { what: 'resumed', who: ['client', 'writer'] },
  cancel: { what: 'cancelled', who: ['client', 'writer'] },
  // The client hears of a refund from `refund.issued`, with where the money went.
  refund: { what: 'refunded', who: ['writer'] },
  openDispute: { what: 'disputeOpened', who: ['writer'] },
  resolveDispute: { what: 'disputeResolved', who: ['client', 'writer'] },
  markFunded: { what: 'funded', who: ['client'] },
  priceChange: { what: 'changePriced', who: ['client'] },
  acceptChange: { what: 'changeAccepted', who: ['writer'] },
}

/** The quote's lines: given, or one service line of `amount`; then slides and diagrams at the website's unit prices. */
const quoteLinesOf = (input: Record<string, unknown>, website: Tenant): QuoteLineInput[] => {
  const count = (name: string) => (typeof input[name] === 'number' ? (input[name] as number) : 0)
  const pieces = pieceLines({ slides: count('slides'), diagrams: count('diagrams') }, { perSlide: website.pricing?.basePerSlide ?? DEFAULT_PIECE_RATES.perSlide, perDiagram: website.pricing?.basePerDiagram ?? DEFAULT_PIECE_RATES.perDiagram })
  if (Array.isArray(input.lines) && input.lines.length > 0) return [...(input.lines as QuoteLineInput[]), ...pieces]
  if (typeof input.amount !== 'number') {
    if (pieces.length > 0) return pieces
    throw refuse('amount', 'Required: the quote’s price in cents (or `lines`, or slides and diagrams).')
  }
  return [{ kind: 'service', description: typeof input.description === 'string' ? input.description : 'Special order', amount: input.amount }, ...pieces]
}

const cancelOpenQuotes = async (req: PayloadRequest, order: SpecialOrder, now: Date, answer: string | null) => {
  const { docs } = await req.payload.find({ collection: 'special-order-quotes', where: { and: [{ specialOrder: { equals: order.id } }, { status: { in: ['draft', 'sent'] } }] }, depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
  for (const quote of docs) await req.payload.update({ collection: 'special-order-quotes', id: quote.id, data: { status: 'cancelled', decidedAt: now.toISOString(), answer }, depth: 0, ...asSystem(proofOf(req)), req })
}

/** Waives pending milestones (all, or the one named) with the admin's reason; answers the order's funding after it. */
const waive = async (req: PayloadRequest, order: SpecialOrder, now: Date, actor: number | null, reason: string, only: number | null) => {
  const rows = await milestonesOf(req, order.id)
  if (only !== null) {
    const target = rows.find((m) => m.id === only)
    if (!target) throw refuse('milestone', `Must be a milestone of special order ${order.number}.`)
    if (target.status !== 'pending') throw refuse('milestone', `Must be pending; milestone ${target.sequence} is ${target.status}.`)
  }
  const after = []
  const waived: number[] = []
  for (const m of rows) {
    if (m.status === 'pending' && (only === null || m.id === only)) {
      after.push(await req.payload.update({ collection: 'funding-milestones', id: m.id, data: { status: 'waived', waivedBy: actor, waiveReason: reason }, depth: 0, ...asSystem(proofOf(req)), req }))
      // The milestone's installment is owed no more either: checkout, reminders and the invoice agree with the plan.
      const installment = idOf(m.installment)
      if (installment) await waiveInstallment(req, installment, now, { actor, reason })
      waived.push(m.id)
    } else after.push(m)
  }
  return { facts: after.map(factOf), waived }
}

/**
 * Special orders on the one workflow pattern (`docs/special-orders.md`). Staff quote a
 * quoted order; the client answers on the quote (`special-order-quotes`); the plan's
 * payments move it to ready for staffing (the funding listener); staff assign once the
 * milestones required before staffing are paid, deliver once the plan allows it; admins
 * override with a reason. Every step is on the order's timeline; the main ones are told
 * to its client and writer.
 */
export const SPECIAL_ORDER_SUBJECT = defineSubject({
  collection: 'special-orders',
  workflow: SPECIAL_ORDER_WORKFLOW,
  lock: lockSpecialOrderAndPlans,
  context: async (req, order: SpecialOrder, actor) => {
    const tenant = idOf(order.tenant)!
    const { settings } = await websiteSpecialOrders(req, tenant)
    const facts = {
      status: order.status,
      pricingMode: order.pricingMode ?? 'quoted',
      milestones: (await milestonesOf(req, order.id)).map(factOf),
      deliveryUnlocked: order.deliveryUnlocked ?? false,
      requiresFullPayment: order.requiresFullPayment ?? false,
      amountPaid: order.amountPaid ?? 0,
      settings: { requireFullPaymentBeforeDelivery: settings.requireFullPaymentBeforeDelivery },
      statusBefore: order.statusBefore ?? null,
      disputeOpen: (await openDisputeOf(req, order.id)) !== null,
      disputesEnabled: await websiteFeature(req, tenant, 'allowDisputes'),
    }
    const who: SpecialOrderActor | typeof SYSTEM = actorAs(actor, tenant, { client: order.client, writer: order.writer })
    return { facts, actor: who, settings }
  },
  apply: async ({ req, doc, ctx, action, input, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    const actorId = actor?.id ?? null
    const reason = typeof input.reason === 'string' && input.reason.trim() ? input.reason.trim() : null
    const data: Partial<SpecialOrder> = {}
    const eventData: Record<string, unknown> = {}
    const extra: Record<string, unknown> = {}
    const set = (status: SpecialOrderStatus) => Object.assign(data, { status })
    switch (action) {
      case 'sendQuote': {
        const { website } = await websiteSpecialOrders(req, tenant)
        const priced = priceQuote(quoteLinesOf(input, website))
        if ('problem' in priced) throw refuse(priced.path, priced.problem)
        const hours = typeof input.expiresInHours === 'number' ? input.expiresInHours : ctx.settings.quoteExpiryHours
        await cancelOpenQuotes(req, doc, now, 'Replaced by a new quote.')
        const quote = await req.payload.create({
          collection: 'special-order-quotes',
          data: { tenant, specialOrder: doc.id, client: idOf(doc.client)!, lines: priced.lines, subtotal: priced.subtotal, discount: priced.discount, total: priced.total, currency: website.currency ?? 'USD', status: 'sent', expiresAt: new Date(now.getTime() + hours * HOUR_MS).toISOString(), sentAt: now.toISOString(), note: typeof input.note === 'string' ? input.note : null, sentBy: actorId },
          depth: 0,
          ...asSystem(proofOf(req)),
          req,
        })
        Object.assign(data, { total: priced.total, currency: quote.currency })
        Object.assign(eventData, { quote: quote.id, total: priced.total, expiresAt: quote.expiresAt })
        extra.quote = quote.id
        set('quote_sent')
        break
      }
      case 'reviseQuote':
        await cancelOpenQuotes(req, doc, now, reason ?? 'Withdrawn for a revision.')
        set('quote_pending')
        break
      case 'assign': {
        const writer = input.writer as number
        const person = await req.payload.findByID({ collection: 'users', id: writer, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
        if (!person?.roles?.includes('writer') || !person.tenants?.some((row) => idOf(row.tenant) === tenant)) throw refuse('writer', 'Must be a writer of this website.')
        const compensation = { kind: input.compensationKind as ClassCompensationKind, value: input.compensationValue as number }
        const problem = compensationProblem(compensation, doc.total ?? 0)
        if (problem) throw refuse('compensationValue', problem)
        Object.assign(data, { writer, assignedAt: now.toISOString(), compensation })
        Object.assign(eventData, { writer, compensation })
        set('assigned')
        break
      }
      case 'start':
        set('in_progress')
        break
      case 'submit':
        Object.assign(data, { submittedAt: now.toISOString() })
        set('submitted')
        break
      case 'markReadyForDelivery':
        set('ready_for_delivery')
        break
      case 'complete': {
        Object.assign(data, { completedAt: now.toISOString() })
        set('completed')
        const earned = await earnSpecialOrder(req, doc)
        if (earned > 0) eventData.earned = earned
        break
      }
      case 'requestRevision':
        set('revision_requested')
        break
      case 'startRevision':
        set('on_revision')
        break
      case 'approve':
        Object.assign(data, { approvedAt: now.toISOString() })
        set('approved')
        break
      case 'hold':
        Object.assign(data, { statusBefore: doc.status })
        set('on_hold')
        break
      case 'resume':
        Object.assign(data, { statusBefore: null })
        set(doc.statusBefore!)
        break
      case 'cancel':
        await cancelOpenQuotes(req, doc, now, reason ?? 'The special order was cancelled.')
        await cancelPlan(req, doc, now, { actor: actorId, reason: reason ?? `Special order ${doc.number} was cancelled.` })
        Object.assign(data, { cancelledAt: now.toISOString(), fundingStatus: 'cancelled' })
        set('cancelled')
        break
      case 'markFunded':
      case 'waiveMilestone': {
        const only = action === 'waiveMilestone' ? (input.milestone as number) : null
        const { facts, waived } = await waive(req, doc, now, actorId, reason!, only)
        eventData.waived = waived
        Object.assign(data, { fundingStatus: fundingStatusOf(facts) })
        if (WAITING_FOR_MONEY.includes(doc.status)) set(statusAfterFunding(facts))
        break
      }
      case 'unlockDelivery':
        Object.assign(data, { deliveryUnlocked: true })
        break
      case 'requestChange': {
        const change = await requestChange(req, doc, actorId, String(input.description))
        Object.assign(eventData, { request: change.id })
        extra.request = change.id
        break
      }
      case 'priceChange': {
        const change = await priceChange(req, doc, input.request as number, input.amount as number, typeof input.note === 'string' ? input.note : null)
        Object.assign(eventData, { request: change.id, amount: change.amount })
        break
      }
      case 'acceptChange': {
        const accepted = await acceptChange(req, doc, input.request as number, actorId, now)
        Object.assign(data, accepted.data)
        Object.assign(eventData, { request: input.request, amount: accepted.amount, invoice: accepted.invoice, milestone: accepted.milestone })
        Object.assign(extra, { invoice: accepted.invoice, milestone: accepted.milestone })
        break
      }
      case 'rejectChange':
        await rejectChange(req, doc, input.request as number, actorId, reason, now)
        eventData.request = input.request
        break
      case 'refund': {
        const refunded = await refundSpecialOrder(req, doc, { amount: typeof input.amount === 'number' ? input.amount : null, reason: reason!, ask: refundAskOf(input), actor: actorId, now })
        Object.assign(data, refunded.data)
        Object.assign(eventData, { refund: refunded.refund.id, amount: refunded.refund.amount, destination: refunded.refund.destination })
        extra.refund = refunded.refund.id
        if (refunded.whole) await cancelOpenQuotes(req, doc, now, 'The special order was refunded.')
        break
      }
      case 'openDispute': {
        const dispute = await openDispute(req, doc, actorId, { reason: String(input.reason), description: String(input.description) })
        Object.assign(eventData, { dispute: dispute.id, reason: input.reason })
        extra.dispute = dispute.id
        break
      }
      case 'resolveDispute': {
        const dispute = (await openDisputeOf(req, doc.id))!
        const outcome = input.outcome as SpecialDisputeOutcome
        const summary = String(input.summary)
        let amount: number | null = null
        if (outcome === 'partial_refund' || outcome === 'full_refund') {
          if (outcome === 'partial_refund' && typeof input.amount !== 'number') throw refuse('amount', 'Required with a partial refund: the cents that go back.')
          if ((doc.amountPaid ?? 0) <= 0) throw refuse('outcome', 'Nothing has been paid on this special order: there is nothing to refund.')
          const refunded = await refundSpecialOrder(req, doc, { amount: outcome === 'full_refund' ? null : (input.amount as number), reason: `Dispute ${dispute.id}: ${summary}`, ask: refundAskOf(input), actor: actorId, now })
          Object.assign(data, refunded.data)
          amount = refunded.refund.amount
          Object.assign(eventData, { refund: refunded.refund.id, amount })
          extra.refund = refunded.refund.id
          if (refunded.whole) await cancelOpenQuotes(req, doc, now, 'The special order was refunded.')
        } else if (outcome === 'revision') {
          if (!DELIVERED.includes(doc.status)) throw refuse('outcome', `A revision is asked of delivered work; the order is ${doc.status.replace(/_/g, ' ')}.`)
          set('revision_requested')
        }
        await resolveDispute(req, dispute, { outcome, summary, amount, actor: actorId, now })
        Object.assign(eventData, { dispute: dispute.id, outcome, summary })
        break
      }
    }
    const order = Object.keys(data).length ? await req.payload.update({ collection: 'special-orders', id: doc.id, data, depth: 0, ...asSystem(proofOf(req)), req }) : doc
    const event = await recordEvent(req, { collection: 'special-orders', document: doc.id, tenant, action, actor: actorId, from: doc.status, to: order.status, reason, data: Object.keys(eventData).length ? eventData : null })
    const told = TOLD[action]
    if (told) await tellParties(req, order, told.what, told.who, actorId, event.id, { reason, ...eventData })
    return { doc: order, event, extra }
  },
})
