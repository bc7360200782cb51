import type { Role } from '../roles'
import { type ActionRule, availableActions as available, decide as decideIn, defineWorkflow, SYSTEM } from '../workflow/define'

import { ACTION_INPUTS as INPUT } from './actionInputs'
import { CANCELLATION_REQUEST_FROM } from './cancellation'
import { revisionCheck } from './revisions'
import { canTransition, ORDER_STATUSES, type OrderStatus, TERMINAL_STATUSES } from './statuses'

/**
 * The order workflow as data (reference §3.3), declared with the one workflow pattern
 * (`../workflow/define`): for each action, the statuses it starts from, who may take it,
 * what it needs, where it leads.
 */

/** What the workflow needs to know about an order. */
export type OrderFacts = {
  status: OrderStatus
  paymentStatus: 'unpaid' | 'partially_paid' | 'fully_paid' | 'refunded'
  visibility: 'hidden' | 'pool' | 'preferred_writer_only'
  hasWriter: boolean
  hasPreferredWriter: boolean
  hold: 'none' | 'requested' | 'active'
  dispute: 'none' | 'open' | 'resolved'
  cancellationPending: boolean
  /** The status a pending cancellation request came from. */
  statusBeforeCancellation: OrderStatus | null
  reassignmentPending: boolean
  revisionPending: boolean
  approvedAt: Date | null
  completedAt: Date | null
  submittedAt: Date | null
  takesEnabled: boolean
  /** The website lets its clients and writers open disputes (`features.allowDisputes`). */
  disputesEnabled: boolean
}

/** Who the actor is to this order. */
export type ActorFacts = {
  role: Role
  isClientOwner: boolean
  isCurrentWriter: boolean
  isInvitedWriter: boolean
  /** Named in a direct assignment awaiting acceptance. */
  isPendingAssignee: boolean
  hasPendingInterest: boolean
  /** Writer eligibility (active, not suspended, under the level's limit): null when eligible, else why not. */
  writerIneligible: string | null
  /** Requested the open hold. */
  isHoldRequester: boolean
}

export type ActionInput = Record<string, unknown>

/** An actor with no part in the order: every relation false, eligible. */
export const NO_RELATION: Omit<ActorFacts, 'role'> = {
  isClientOwner: false,
  isCurrentWriter: false,
  isInvitedWriter: false,
  isPendingAssignee: false,
  hasPendingInterest: false,
  writerIneligible: null,
  isHoldRequester: false,
}

/** What the guards see when the platform acts: nobody in particular, always eligible. */
const SYSTEM_FACTS: ActorFacts = { role: 'superadmin', ...NO_RELATION }

export { SYSTEM }

type Rule = ActionRule<OrderStatus, OrderFacts, ActorFacts>

const is = (...roles: Role[]) => (a: ActorFacts) => roles.includes(a.role)
const ADMINS = is('admin', 'superadmin')
const SERVICE = is('admin', 'superadmin', 'support')
const REVIEWERS = is('admin', 'superadmin', 'editor')
const any = (...tests: ((a: ActorFacts) => boolean)[]) => (a: ActorFacts) => tests.some((t) => t(a))
const owner = (a: ActorFacts) => a.role === 'client' && a.isClientOwner
const currentWriter = (a: ActorFacts) => a.role === 'writer' && a.isCurrentWriter
const writer = (a: ActorFacts) => a.role === 'writer'

const paid = (o: OrderFacts) => (o.paymentStatus === 'fully_paid' ? null : 'The order is not fully paid.')
const unstaffed = (o: OrderFacts) => (o.hasWriter ? 'The order already has a writer.' : null)
const eligible = (_o: OrderFacts, a: ActorFacts) => a.writerIneligible
const all =
  (...guards: ((o: OrderFacts, a: ActorFacts, now: Date) => string | null)[]) =>
  (o: OrderFacts, a: ActorFacts, now: Date) =>
    guards.reduce<string | null>((reason, g) => reason ?? g(o, a, now), null)

const NOT_TERMINAL = (['created', 'unpaid', 'pending_payment', 'paid', 'ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold', 'pending_cancellation', 'qa_review', 'under_editing', 'submitted', 'completed', 'disputed', 'revision_requested'] as const).filter(
  (s) => !TERMINAL_STATUSES.includes(s),
)

export const ORDER_ACTIONS = {
  markPaid: { label: 'Mark paid', money: true, from: ['unpaid', 'pending_payment'], who: ADMINS, guard: (o) => (o.paymentStatus === 'fully_paid' ? 'The order is already paid.' : null), targets: ['ready_for_staffing'] },
  routeToPool: { label: 'Send to the pool', from: ['ready_for_staffing'], who: ADMINS, guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? 'The order is already in the pool.' : null)), targets: [] },
  showInterest: { label: 'Show interest',
    from: ['ready_for_staffing'],
    who: writer,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), (_o, a) => (a.hasPendingInterest ? 'You have already shown interest.' : null), eligible),
    targets: [],
    input: INPUT.showInterest,
  },
  bid: { label: 'Bid',
    from: ['ready_for_staffing'],
    who: writer,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), (_o, a) => (a.hasPendingInterest ? 'You have already bid.' : null), eligible),
    targets: [],
    input: INPUT.bid,
  },
  withdrawInterest: { label: 'Withdraw interest', from: ['ready_for_staffing'], who: (a) => writer(a) && a.hasPendingInterest, targets: [] },
  take: { label: 'Take the order',
    from: ['ready_for_staffing'],
    who: writer,
    guard: all((o) => (o.takesEnabled ? null : 'Taking orders is switched off on this website.'), paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), eligible),
    targets: ['in_progress'],
  },
  assign: { label: 'Assign a writer', from: ['ready_for_staffing'], who: ADMINS, guard: all(paid, unstaffed), targets: ['in_progress', 'pending_writer_acceptance'], input: INPUT.assign },
  acceptAssignment: { label: 'Accept the assignment', from: ['pending_writer_acceptance'], who: (a) => writer(a) && a.isPendingAssignee, guard: eligible, targets: ['in_progress'] },
  rejectAssignment: { label: 'Reject the assignment', from: ['pending_writer_acceptance'], who: (a) => writer(a) && a.isPendingAssignee, targets: ['ready_for_staffing'], input: INPUT.rejectAssignment },
  invitePreferred: { label: 'Invite the preferred writer',
    from: ['ready_for_staffing'],
    who: ADMINS,
    guard: all(paid, unstaffed, (o) => (o.hasPreferredWriter ? null : 'The client named no preferred writer.'), (o) => (o.visibility === 'preferred_writer_only' ? 'The preferred writer is already invited.' : null)),
    targets: [],
  },
  acceptInvitation: { label: 'Accept the invitation',
    from: ['ready_for_staffing'],
    who: (a) => writer(a) && a.isInvitedWriter,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'preferred_writer_only' ? null : 'The invitation is no longer open.'), eligible),
    targets: ['in_progress'],
  },
  declineInvitation: { label: 'Decline the invitation',
    from: ['ready_for_staffing'],
    who: (a) => writer(a) && a.isInvitedWriter,
    guard: (o) => (o.visibility === 'preferred_writer_only' ? null : 'The invitation is no longer open.'),
    targets: [],
    input: INPUT.declineInvitation,
  },
  // The schedule's fallback when an invited writer does not answer in time.
  expireInvitation: { label: 'Expire the invitation', from: ['ready_for_staffing'], who: () => false, guard: (o) => (o.visibility === 'preferred_writer_only' ? null : 'No invitation is open.'), targets: [] },
  releaseToPool: { label: 'Release to the pool', from: ['pending_writer_acceptance', 'in_progress', 'on_hold'], who: ADMINS, targets: ['ready_for_staffing'], input: INPUT.releaseToPool },
  // On a revision request, acknowledging puts the order back in progress.
  acknowledge: { label: 'Acknowledge', from: ['in_progress', 'revision_requested'], who: currentWriter, targets: ['in_progress'] },
  requestHold: { label: 'Request a hold', from: ['in_progress'], who: any(currentWriter, SERVICE), guard: (o) => (o.hold === 'none' ? null : 'A hold is already open.'), targets: [], input: INPUT.requestHold },
  activateHold: { label: 'Put on hold', from: ['in_progress'], who: SERVICE, guard: (o) => (o.hold === 'requested' ? null : 'No hold has been requested.'), targets: ['on_hold'] },
  releaseHold: { label: 'Release the hold', from: ['on_hold'], who: SERVICE, targets: ['in_progress'] },
  cancelHold: { label: 'Withdraw the hold request', from: ['in_progress'], who: (a) => SERVICE(a) || (currentWriter(a) && a.isHoldRequester), guard: (o) => (o.hold === 'requested' ? null : 'No hold has been requested.'), targets: [] },
  submit: { label: 'Submit the work', from: ['in_progress'], who: currentWriter, guard: (o) => (o.hold === 'none' ? null : 'The order is on hold.'), targets: ['under_editing', 'qa_review', 'submitted'] },
  qaApprove: { label: 'Approve (QA)', from: ['qa_review'], who: REVIEWERS, targets: ['submitted'], input: INPUT.qaApprove },
  qaReturn: { label: 'Return to the writer (QA)', from: ['qa_review'], who: REVIEWERS, targets: ['in_progress'], input: INPUT.qaReturn },
  editorApprove: { label: 'Approve (editing)', from: ['under_editing'], who: REVIEWERS, targets: ['submitted'], input: INPUT.editorApprove },
  editorRequestRevision: { label: 'Request a revision (editing)', from: ['under_editing'], who: REVIEWERS, targets: ['revision_requested'], input: INPUT.editorRequestRevision },
  complete: { label: 'Mark complete', money: true, from: ['submitted'], who: any(owner, SERVICE), targets: ['completed'] },
  approve: { label: 'Approve the work', from: ['completed'], who: any(owner, ADMINS), guard: (o) => (o.approvedAt ? 'The order is already approved.' : null), targets: [] },
  requestRevision: { label: 'Request a revision',
    from: ['submitted', 'completed'],
    who: any(owner, SERVICE),
    guard: (o, _a, now) => {
      if (o.revisionPending) return 'A revision is already pending.'
      const check = revisionCheck({ completedAt: o.completedAt, submittedAt: o.submittedAt, approvedAt: o.approvedAt, now })
      return check.free ? null : check.reason
    },
    targets: ['revision_requested'],
    input: INPUT.requestRevision,
  },
  reopen: { label: 'Reopen', from: ['completed'], who: ADMINS, guard: all((o) => (o.hasWriter ? null : 'The order has no writer to reopen it for.'), (o) => (o.approvedAt ? 'The order is approved.' : null)), targets: ['in_progress'] },
  openDispute: { label: 'Open a dispute',
    from: ['in_progress', 'submitted', 'completed'],
    who: any(owner, currentWriter, SERVICE),
    // Switched off, a party can no longer open one; support still can (a chargeback, a complaint by mail).
    guard: all((o) => (o.dispute === 'none' ? null : 'A dispute is already open.'), (o, a) => (o.disputesEnabled || SERVICE(a) ? null : 'Disputes are switched off on this website.')),
    targets: ['disputed'],
    input: INPUT.openDispute,
  },
  resolveDispute: { label: 'Resolve the dispute', from: ['disputed'], who: ADMINS, guard: (o) => (o.dispute === 'open' ? null : 'The dispute is not open.'), targets: [], input: INPUT.resolveDispute },
  closeDispute: { label: 'Close the dispute', from: ['disputed'], who: ADMINS, guard: (o) => (o.dispute === 'resolved' ? null : 'Resolve the dispute first.'), targets: ['in_progress', 'submitted', 'completed'], input: INPUT.closeDispute },
  requestReassignment: { label: 'Request reassignment', from: ['in_progress'], who: any(owner, currentWriter, SERVICE), guard: (o) => (o.reassignmentPending ? 'A reassignment request is already pending.' : null), targets: [], input: INPUT.requestReassignment },
  approveReassignment: { label: 'Approve reassignment', from: ['in_progress'], who: SERVICE, guard: (o) => (o.reassignmentPending ? null : 'No reassignment has been requested.'), targets: ['ready_for_staffing'] },
  requestCancellation: { label: 'Request cancellation', from: CANCELLATION_REQUEST_FROM, who: owner, guard: (o) => (o.cancellationPending ? 'A cancellation request is already pending.' : null), targets: ['pending_cancellation'], input: INPUT.requestCancellation },
  approveCancellation: { label: 'Approve the cancellation', money: true, from: ['pending_cancellation'], who: ADMINS, targets: ['cancelled'], input: INPUT.approveCancellation },
  rejectCancellation: { label: 'Reject the cancellation', from: ['pending_cancellation'], who: SERVICE, targets: CANCELLATION_REQUEST_FROM, input: INPUT.rejectCancellation },
  cancel: { label: 'Cancel the order', money: true, from: NOT_TERMINAL.filter((s) => canTransition(s, 'cancelled')), who: ADMINS, guard: (o) => (o.approvedAt ? 'An approved order cannot be cancelled.' : null), targets: ['cancelled'], input: INPUT.cancel },
  archive: { label: 'Archive',
    from: ['completed'],
    who: ADMINS,
    guard: (o) => (o.dispute === 'open' ? 'A dispute is open.' : o.revisionPending ? 'A revision is pending.' : o.completedAt ? null : 'The order was never completed.'),
    targets: ['archived'],
  },
} satisfies Record<string, Rule>

export type OrderAction = keyof typeof ORDER_ACTIONS

export const ORDER_ACTION_NAMES = Object.keys(ORDER_ACTIONS) as OrderAction[]

export const ORDER_WORKFLOW = defineWorkflow<OrderStatus, OrderFacts, ActorFacts, OrderAction>({ noun: 'order', statuses: ORDER_STATUSES, actions: ORDER_ACTIONS, system: SYSTEM_FACTS })

/** Whether the actor may take the action now: 403 role or relation, 409 status, 422 a rule refuses. */
export const decide = (action: OrderAction, order: OrderFacts, actor: ActorFacts | typeof SYSTEM, now: Date) => decideIn(ORDER_WORKFLOW, action, order, actor, now)

/** GET /api/orders/:id/actions: what the actor can do now, and what a rule holds back. */
export const availableActions = (order: OrderFacts, actor: ActorFacts, now: Date) => available(ORDER_WORKFLOW, order, actor, now)
