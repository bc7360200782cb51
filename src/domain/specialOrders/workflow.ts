import { z } from 'zod'

import { DISPUTE_REASONS } from '../orders/actionInputs'
import { refundRouteInput } from '../payments/refundRoute'
import { CLASS_COMPENSATION_KINDS } from '../classOrders/statuses'
import { recordId } from '../recordId'
import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { deliveryRefusal, staffingRefusal, type MilestoneFact } from './funding'
import { QUOTE_LINE_KINDS } from './quotes'
import type { SpecialOrderSettings } from './settings'

/** A special order's statuses (reference §10.1). */
export const SPECIAL_ORDER_STATUSES = [
  'inquiry',
  'quote_pending',
  'quote_sent',
  'quote_accepted',
  'awaiting_payment',
  'partially_funded',
  'ready_for_staffing',
  'assigned',
  'in_progress',
  'submitted',
  'ready_for_delivery',
  'completed',
  'approved',
  'revision_requested',
  'on_revision',
  'on_hold',
  'cancelled',
  'refunded',
] as const
export type SpecialOrderStatus = (typeof SPECIAL_ORDER_STATUSES)[number]

export const PRICING_MODES = ['fixed_config', 'quoted'] as const
export type PricingMode = (typeof PRICING_MODES)[number]

/** Statuses a hold may start from, and so the ones `resume` goes back to. */
export const HOLDABLE: readonly SpecialOrderStatus[] = ['inquiry', 'quote_pending', 'quote_sent', 'awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'revision_requested', 'on_revision']

/** Before any work: the client or staff may still cancel. */
export const BEFORE_WORK: readonly SpecialOrderStatus[] = ['inquiry', 'quote_pending', 'quote_sent', 'quote_accepted', 'awaiting_payment', 'partially_funded', 'ready_for_staffing']

/** Waiting for money: where the plan's payments move the order. */
export const WAITING_FOR_MONEY: readonly SpecialOrderStatus[] = ['awaiting_payment', 'partially_funded']

/** After acceptance and before completion: a change with a price impact may be asked for, priced and answered. */
export const CHANGEABLE: readonly SpecialOrderStatus[] = ['awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'revision_requested', 'on_revision', 'on_hold']

/** Money has come in and has not all gone back: an admin may refund (part of) it. */
export const REFUNDABLE: readonly SpecialOrderStatus[] = ['awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'completed', 'approved', 'revision_requested', 'on_revision', 'on_hold']

/** Work has started: the client may dispute it. */
export const DISPUTABLE: readonly SpecialOrderStatus[] = ['assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'completed', 'approved', 'revision_requested', 'on_revision']

/** Delivered work: a dispute resolved by a revision sends it back to the writer. */
export const DELIVERED: readonly SpecialOrderStatus[] = ['submitted', 'ready_for_delivery', 'completed', 'approved']

/** How staff settle a special order's dispute (reference §10.1, store credit being a refund to the wallet). */
export const SPECIAL_DISPUTE_OUTCOMES = ['no_action', 'revision', 'partial_refund', 'full_refund'] as const
export type SpecialDisputeOutcome = (typeof SPECIAL_DISPUTE_OUTCOMES)[number]

/** Who the actor is to a special order: staff of its website, its client, its assigned writer. */
export type SpecialOrderActor = WebsiteActor & { client: boolean; writer: boolean }

export type SpecialOrderFacts = {
  status: SpecialOrderStatus
  pricingMode: PricingMode
  milestones: readonly MilestoneFact[]
  deliveryUnlocked: boolean
  requiresFullPayment: boolean
  amountPaid: number
  settings: Pick<SpecialOrderSettings, 'requireFullPaymentBeforeDelivery'>
  /** The status a hold interrupted (null when not on hold). */
  statusBefore: SpecialOrderStatus | null
  /** A dispute of the order is open (an `order-requests` row of kind dispute). */
  disputeOpen: boolean
  /** The website lets its clients open disputes (`features.allowDisputes`). */
  disputesEnabled: boolean
}

const reason = (what: string) => z.object({ reason: z.string({ error: `Required: ${what}.` }).trim().min(1, `Required: ${what}.`).max(2000) })
const optionalReason = z.object({ reason: z.string({ error: 'Text.' }).trim().max(2000).optional() })

const staff = staffOf('admin', 'support')
const admins = staffOf('admin')
const client = (actor: SpecialOrderActor): boolean => actor.client
const writer = (actor: SpecialOrderActor): boolean => actor.writer

const cents = (what: string) => z.number({ error: `Cents: ${what}.` }).int('Whole cents.')

/** `assign`: the writer and their pay for the order (a percentage of its total, or a fixed amount), earned at completion. */
export const SPECIAL_ASSIGN_INPUT = z.object({
  writer: recordId('a writer of this website'),
  compensationKind: z.enum(CLASS_COMPENSATION_KINDS, { error: 'Required: percentage or fixed.' }),
  compensationValue: z.number({ error: 'Required: the percent (percentage) or cents (fixed).' }).int('A whole number.').min(0, 'At least 0.'),
})

/** `refund`: all that was paid unless `amount` says less; where it goes as for orders. */
export const SPECIAL_REFUND_INPUT = reason('why the money goes back').extend({
  amount: cents('what goes back; all that was paid when left out').positive('More than 0.').max(99_999_999).optional().describe('In cents (10000 = 100.00); all that was paid when left out.'),
  ...refundRouteInput,
})

export const OPEN_DISPUTE_INPUT = z.object({
  reason: z.enum(DISPUTE_REASONS, { error: `One of ${DISPUTE_REASONS.join(', ')}.` }),
  description: z.string({ error: 'Required: what went wrong.' }).trim().min(1, 'Required: what went wrong.').max(2000),
})

/** `resolveDispute`: the outcome and why; a partial refund names its `amount`. */
export const RESOLVE_DISPUTE_INPUT = z.object({
  outcome: z.enum(SPECIAL_DISPUTE_OUTCOMES, { error: `One of ${SPECIAL_DISPUTE_OUTCOMES.join(', ')}.` }),
  summary: z.string({ error: 'Required: how it was settled.' }).trim().min(1, 'Required: how it was settled.').max(2000),
  amount: cents('what a partial refund gives back').positive('More than 0.').max(99_999_999).optional().describe('With partial_refund: the cents that go back (10000 = 100.00).'),
  ...refundRouteInput,
})

/**
 * `sendQuote`'s input. The admin's action panel draws `amount` and `description` (one
 * service line); an API caller may send `lines` instead, each of a kind, discounts
 * negative. `slides` and `diagrams` add a line each at the website's unit prices.
 * `expiresInHours` defaults to the website's quote expiry.
 */
export const SEND_QUOTE_INPUT = z.object({
  amount: cents('the price of a one-line quote').positive('More than 0.').max(99_999_999).optional(),
  description: z.string({ error: 'Text.' }).trim().min(1, 'Required with amount.').max(500).optional(),
  lines: z
    .array(
      z.object({
        kind: z.enum(QUOTE_LINE_KINDS, { error: `One of ${QUOTE_LINE_KINDS.join(', ')}.` }),
        description: z.string({ error: 'Text.' }).trim().min(1, 'Required.').max(500),
        amount: cents('negative for a discount').min(-99_999_999).max(99_999_999),
      }),
      { error: 'A list of { kind, description, amount }.' },
    )
    .max(50, 'At most 50 lines.')
    .optional(),
  slides: z.number({ error: 'A count.' }).int('A whole number.').min(0, 'At least 0.').max(1000, 'At most 1000.').optional().describe('Slides to add, each at the website’s `pricing.basePerSlide`.'),
  diagrams: z.number({ error: 'A count.' }).int('A whole number.').min(0, 'At least 0.').max(1000, 'At most 1000.').optional().describe('Diagrams to add, each at the website’s `pricing.basePerDiagram`.'),
  expiresInHours: z.number({ error: 'Hours.' }).int('Whole hours.').min(1, 'At least 1.').max(24 * 90, 'At most 90 days.').optional(),
  note: z.string({ error: 'Text.' }).trim().max(4000).optional(),
})

/**
 * Special orders as a workflow table (reference §10.1). Staff quote a quoted order (the
 * client answers on the quote); a fixed-configuration order and an accepted quote wait
 * for their money, which the plan's payments move (not an action); staff assign a writer
 * once every milestone required before staffing is paid; the writer works and submits;
 * staff deliver once the plan allows it; the client approves or asks for a revision.
 * Admins override the money rules with a reason: mark funded, unlock delivery, waive a
 * milestone.
 */
export const SPECIAL_ORDER_WORKFLOW = defineWorkflow<
  SpecialOrderStatus,
  SpecialOrderFacts,
  SpecialOrderActor,
  | 'sendQuote'
  | 'reviseQuote'
  | 'assign'
  | 'start'
  | 'submit'
  | 'markReadyForDelivery'
  | 'complete'
  | 'requestRevision'
  | 'startRevision'
  | 'approve'
  | 'hold'
  | 'resume'
  | 'cancel'
  | 'markFunded'
  | 'unlockDelivery'
  | 'waiveMilestone'
  | 'requestChange'
  | 'priceChange'
  | 'acceptChange'
  | 'rejectChange'
  | 'refund'
  | 'openDispute'
  | 'resolveDispute'
>({
  noun: 'special order',
  statuses: SPECIAL_ORDER_STATUSES,
  system: { ...PLATFORM, client: false, writer: false },
  actions: {
    sendQuote: {
      label: 'Send a quote',
      from: ['inquiry', 'quote_pending'],
      who: staff,
      guard: (facts) => (facts.pricingMode === 'quoted' ? null : 'A fixed-configuration order is priced by its configuration, not quoted.'),
      targets: ['quote_sent'],
      input: SEND_QUOTE_INPUT,
    },
    reviseQuote: { label: 'Revise the quote', from: ['quote_sent'], who: staff, targets: ['quote_pending'], input: optionalReason },
    assign: {
      label: 'Assign a writer',
      from: ['awaiting_payment', 'partially_funded', 'ready_for_staffing'],
      who: staff,
      guard: (facts) => staffingRefusal(facts.milestones),
      targets: ['assigned'],
      input: SPECIAL_ASSIGN_INPUT,
    },
    start: { label: 'Start work', from: ['assigned'], who: writer, targets: ['in_progress'] },
    submit: { label: 'Submit the work', from: ['in_progress', 'on_revision'], who: writer, targets: ['submitted'] },
    markReadyForDelivery: {
      label: 'Ready for delivery',
      from: ['in_progress', 'submitted', 'on_revision'],
      who: staff,
      guard: (facts) => deliveryRefusal(facts, facts.settings),
      targets: ['ready_for_delivery'],
    },
    complete: {
      label: 'Deliver and complete',
      from: ['submitted', 'ready_for_delivery'],
      who: staff,
      guard: (facts) => deliveryRefusal(facts, facts.settings),
      targets: ['completed'],
    },
    requestRevision: { label: 'Ask for a revision', from: ['submitted', 'ready_for_delivery', 'completed'], who: client, targets: ['revision_requested'], input: reason('what to revise') },
    startRevision: { label: 'Start the revision', from: ['revision_requested'], who: (actor) => writer(actor) || staff(actor), targets: ['on_revision'] },
    approve: { label: 'Approve', from: ['completed'], who: client, targets: ['approved'] },
    hold: { label: 'Put on hold', from: HOLDABLE, who: staff, targets: ['on_hold'], input: reason('why it is held') },
    resume: {
      label: 'Resume',
      from: ['on_hold'],
      who: staff,
      guard: (facts) => (facts.statusBefore ? null : 'The status before the hold is unknown.'),
      targets: HOLDABLE,
    },
    cancel: {
      label: 'Cancel',
      from: BEFORE_WORK,
      who: (actor) => client(actor) || staff(actor),
      // Money paid on it goes back through a refund first; cancelling never loses track of it.
      guard: (facts) => (facts.amountPaid > 0 ? 'Money has been paid on this special order: refund it before cancelling.' : null),
      targets: ['cancelled'],
      input: optionalReason,
    },
    markFunded: {
      label: 'Mark funded (override)',
      from: ['awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'revision_requested', 'on_revision', 'on_hold'],
      who: admins,
      guard: (facts) => (facts.milestones.some((m) => m.status === 'pending') ? null : 'Every milestone is paid or waived already.'),
      targets: ['ready_for_staffing'],
      input: reason('why it counts as funded'),
    },
    unlockDelivery: {
      label: 'Unlock delivery (override)',
      from: ['awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'revision_requested', 'on_revision', 'on_hold'],
      who: admins,
      guard: (facts) => (facts.deliveryUnlocked ? 'Delivery is unlocked already.' : null),
      targets: [],
      input: reason('why delivery is unlocked before the plan allows it'),
    },
    waiveMilestone: {
      label: 'Waive a milestone (override)',
      from: ['awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'revision_requested', 'on_revision', 'on_hold'],
      who: admins,
      guard: (facts) => (facts.milestones.some((m) => m.status === 'pending') ? null : 'No milestone is waiting for money.'),
      targets: ['partially_funded', 'ready_for_staffing'],
      input: reason('why the milestone is waived').extend({ milestone: recordId('a pending milestone of this special order') }),
    },
    // Change requests (`order-requests` of kind change): the client asks, staff price it, the client accepts (an extra milestone) or rejects.
    requestChange: {
      label: 'Ask for a change',
      from: CHANGEABLE,
      who: client,
      targets: [],
      input: z.object({ description: z.string({ error: 'Required: the change wanted.' }).trim().min(1, 'Required: the change wanted.').max(2000) }),
    },
    priceChange: {
      label: 'Price a change',
      from: CHANGEABLE,
      who: staff,
      targets: [],
      input: z.object({ request: recordId('a change request of this special order'), amount: cents('what the change adds').positive('More than 0.').max(99_999_999), note: z.string({ error: 'Text.' }).trim().max(2000).optional() }),
    },
    acceptChange: { label: 'Accept a priced change', from: CHANGEABLE, who: client, targets: [], input: z.object({ request: recordId('a priced change request of this special order') }), money: true },
    rejectChange: { label: 'Reject a priced change', from: CHANGEABLE, who: client, targets: [], input: z.object({ request: recordId('a priced change request of this special order'), reason: z.string({ error: 'Text.' }).trim().max(2000).optional() }) },
    // Everything paid back: refunded (the plan stops asking); part of it: the status stays, the funding says partially refunded.
    refund: {
      label: 'Refund (admin)',
      from: REFUNDABLE,
      who: admins,
      guard: (facts) => (facts.amountPaid > 0 ? null : 'Nothing has been paid on this special order.'),
      targets: ['refunded'],
      input: SPECIAL_REFUND_INPUT,
      money: true,
    },
    openDispute: {
      label: 'Open a dispute',
      from: DISPUTABLE,
      who: client,
      guard: (facts) => (facts.disputeOpen ? 'A dispute is already open.' : facts.disputesEnabled ? null : 'Disputes are switched off on this website.'),
      targets: [],
      input: OPEN_DISPUTE_INPUT,
    },
    resolveDispute: {
      label: 'Resolve the dispute',
      from: [...DISPUTABLE, 'on_hold'],
      who: admins,
      guard: (facts) => (facts.disputeOpen ? null : 'No dispute is open.'),
      targets: ['revision_requested', 'refunded'],
      input: RESOLVE_DISPUTE_INPUT,
      money: true,
    },
  },
})
