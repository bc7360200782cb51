import { z } from 'zod'

import { refundRouteInput } from '../payments/refundRoute'
import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { CLASS_COMPENSATION_KINDS, CLASS_ORDER_STATUSES, type ClassOrderStatus } from './statuses'

/** Who the actor is to a class order: staff of its website, its client, its assigned writer. */
export type ClassOrderActor = WebsiteActor & { client: boolean; writer: boolean }

export type ClassOrderFacts = {
  status: ClassOrderStatus
  /** The plan's deposit (its first installment) is paid. */
  depositPaid: boolean
  /** The website's `classOrders.requireDepositBeforeStart`. */
  requireDepositBeforeStart: boolean
  /** Money has been paid into the class's plan invoice. */
  amountPaid: number
}

const staff = staffOf('admin', 'support')
const admins = staffOf('admin')
const client = (actor: ClassOrderActor): boolean => actor.client
const writer = (actor: ClassOrderActor): boolean => actor.writer
const clientOrStaff = (actor: ClassOrderActor): boolean => client(actor) || staff(actor)
const writerOrStaff = (actor: ClassOrderActor): boolean => writer(actor) || staff(actor)

const text = (what: string, max = 4000) => z.string({ error: `Required: ${what}.` }).trim().min(1, `Required: ${what}.`).max(max)

/** Before a price is accepted: the client may still walk away, staff may close it. */
const BEFORE_ACCEPTANCE = ['draft', 'submitted', 'needs_client_info', 'under_review', 'price_proposed', 'negotiating'] as const satisfies readonly ClassOrderStatus[]
/** Every status a class may still be cancelled from (§10.2: every non-terminal one). */
const CANCELLABLE = [...BEFORE_ACCEPTANCE, 'accepted', 'pending_payment', 'partially_paid', 'paid', 'assigned', 'in_progress', 'paused', 'quality_review'] as const satisfies readonly ClassOrderStatus[]

export const PROPOSE_PRICE_INPUT = z.object({
  amount: z.number({ error: 'Required: the price in cents.' }).int('Whole cents.').min(1, 'At least 1 cent.').max(100_000_000),
  discount: z.number().int('Whole cents.').min(0).max(100_000_000).optional(),
  note: z.string().trim().max(2000).optional(),
  expiresInHours: z.number().int().min(1).max(24 * 60).optional(),
})

/** `refund`: all that was paid unless `amount` says less, with why; where it goes as for orders. */
export const CLASS_REFUND_INPUT = z.object({
  reason: z.string({ error: 'Required: why the money goes back.' }).trim().min(1, 'Required: why the money goes back.').max(500),
  amount: z.number({ error: 'Cents: what goes back; all that was paid when left out.' }).int('Whole cents.').positive('More than 0.').max(100_000_000).optional().describe('In cents (10000 = 100.00); all that was paid when left out.'),
  ...refundRouteInput,
})

export const ASSIGN_INPUT = z.object({
  writer: z.number({ error: 'Required: the writer’s user id.' }).int().positive(),
  compensationKind: z.enum(CLASS_COMPENSATION_KINDS, { error: 'Required: percentage or fixed.' }),
  compensationValue: z.number({ error: 'Required: the percent (percentage) or cents (fixed).' }).int('A whole number.').min(0),
})

/**
 * Class orders (reference §10.2) as a workflow table. The client submits (or drafts and
 * submits); staff review, ask for missing details, and propose a price. Acceptance is
 * an action of the proposal (`class-proposals`), which moves the class on to
 * pending_payment; payments move it to partially_paid and paid (the plan listener). Staff
 * assign a writer (once the deposit is paid where the website requires it), the writer
 * starts and hands the class to quality review, staff complete it. An overdue
 * installment pauses the class (the schedule, or staff); `resume` takes it back to where
 * it was. Staff cancel any class not finished while nothing has been paid; clients
 * theirs before a price is accepted.
 */
export const CLASS_ORDER_WORKFLOW = defineWorkflow<
  ClassOrderStatus,
  ClassOrderFacts,
  ClassOrderActor,
  'submit' | 'review' | 'requestInfo' | 'provideInfo' | 'proposePrice' | 'assign' | 'start' | 'submitForReview' | 'returnToWork' | 'complete' | 'pause' | 'resume' | 'cancel' | 'refund' | 'archive'
>({
  noun: 'class order',
  statuses: CLASS_ORDER_STATUSES,
  system: { ...PLATFORM, client: false, writer: false },
  actions: {
    submit: { label: 'Submit', from: ['draft'], who: clientOrStaff, targets: ['submitted'] },
    review: { label: 'Start the review', from: ['submitted', 'needs_client_info'], who: staff, targets: ['under_review'] },
    requestInfo: { label: 'Ask the client for details', from: ['submitted', 'under_review'], who: staff, targets: ['needs_client_info'], input: z.object({ question: text('what the client should tell') }) },
    provideInfo: { label: 'Give the details asked for', from: ['needs_client_info'], who: client, targets: ['submitted'], input: z.object({ info: text('the details asked for') }) },
    proposePrice: {
      label: 'Propose a price',
      // From price_proposed it replaces the open proposal (a correction, or after it expired).
      from: ['under_review', 'price_proposed', 'negotiating'],
      who: staff,
      targets: ['price_proposed'],
      input: PROPOSE_PRICE_INPUT,
    },
    assign: {
      label: 'Assign a writer',
      from: ['partially_paid', 'paid'],
      who: staff,
      guard: (facts) => (facts.requireDepositBeforeStart && !facts.depositPaid ? 'The deposit is not paid yet (the website requires it before work starts).' : null),
      targets: ['assigned'],
      input: ASSIGN_INPUT,
    },
    start: { label: 'Start work', from: ['assigned'], who: writerOrStaff, targets: ['in_progress'] },
    submitForReview: { label: 'Send to quality review', from: ['in_progress'], who: writerOrStaff, targets: ['quality_review'] },
    returnToWork: { label: 'Back to work', from: ['quality_review'], who: staff, targets: ['in_progress'], input: z.object({ reason: text('what is still to do') }) },
    complete: { label: 'Complete the class', from: ['in_progress', 'quality_review'], who: staff, targets: ['completed'] },
    pause: { label: 'Pause', from: ['assigned', 'in_progress', 'quality_review'], who: staff, targets: ['paused'], input: z.object({ reason: text('why the class is paused', 500) }) },
    // To the status the pause kept (statusBefore): the platform once nothing is overdue, staff whenever they decide.
    resume: { label: 'Resume', from: ['paused'], who: staff, targets: ['assigned', 'in_progress', 'quality_review'] },
    cancel: {
      label: 'Cancel',
      from: CANCELLABLE,
      who: (actor) => staff(actor) || client(actor),
      guard: (facts, actor) => {
        if (facts.amountPaid > 0) return 'Money has been paid on this class: refund it before cancelling.'
        if (!staff(actor) && !(BEFORE_ACCEPTANCE as readonly ClassOrderStatus[]).includes(facts.status)) return 'Only staff cancel a class once its price is accepted.'
        return null
      },
      targets: ['cancelled'],
      input: z.object({ reason: text('why it is cancelled', 2000) }),
    },
    // Everything paid back: the class is cancelled (its plan stops asking); part of it: the class goes on.
    refund: {
      label: 'Refund (admin)',
      from: [...CANCELLABLE, 'completed'],
      who: admins,
      guard: (facts) => (facts.amountPaid > 0 ? null : 'Nothing has been paid on this class.'),
      targets: ['cancelled'],
      input: CLASS_REFUND_INPUT,
      money: true,
    },
    archive: { label: 'Archive', from: ['completed', 'cancelled'], who: staff, targets: ['archived'] },
  },
})

/** Statuses in which the writer works the class (and which a pause remembers). */
export const WORKING_STATUSES = ['assigned', 'in_progress', 'quality_review'] as const satisfies readonly ClassOrderStatus[]
export const isWorking = (status: ClassOrderStatus): status is (typeof WORKING_STATUSES)[number] => (WORKING_STATUSES as readonly ClassOrderStatus[]).includes(status)
