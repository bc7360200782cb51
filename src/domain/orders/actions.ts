import type { Role } from '../roles'

import { CANCELLATION_REQUEST_FROM } from './cancellation'
import { revisionCheck } from './revisions'
import { canTransition, type OrderStatus, TERMINAL_STATUSES } from './statuses'

/**
 * The order workflow as data (reference §3.3, with DESIGN's one actions endpoint):
 * for each action, the statuses it starts from, who may take it, what it needs, where
 * it leads. Pure: the operation layer supplies the facts, takes the lock, writes the
 * change and the event.
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

type Rule = {
  from: readonly OrderStatus[]
  who: (a: ActorFacts) => boolean
  /** Why the action is not possible now (422), or null. */
  guard?: (o: OrderFacts, a: ActorFacts, now: Date) => string | null
  /** Every status the action may lead to (none, or its own status: the status stays). */
  targets: readonly OrderStatus[]
  /** The input the action takes, described for frontends (name → rule). */
  input?: Record<string, string>
}

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
  markPaid: { from: ['unpaid', 'pending_payment'], who: ADMINS, guard: (o) => (o.paymentStatus === 'fully_paid' ? 'The order is already paid.' : null), targets: ['ready_for_staffing'] },
  routeToPool: { from: ['ready_for_staffing'], who: ADMINS, guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? 'The order is already in the pool.' : null)), targets: [] },
  showInterest: {
    from: ['ready_for_staffing'],
    who: writer,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), (_o, a) => (a.hasPendingInterest ? 'You have already shown interest.' : null), eligible),
    targets: [],
    input: { message: 'optional text' },
  },
  bid: {
    from: ['ready_for_staffing'],
    who: writer,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), (_o, a) => (a.hasPendingInterest ? 'You have already bid.' : null), eligible),
    targets: [],
    input: { message: 'optional text' },
  },
  withdrawInterest: { from: ['ready_for_staffing'], who: (a) => writer(a) && a.hasPendingInterest, targets: [] },
  take: {
    from: ['ready_for_staffing'],
    who: writer,
    guard: all((o) => (o.takesEnabled ? null : 'Taking orders is switched off on this website.'), paid, unstaffed, (o) => (o.visibility === 'pool' ? null : 'The order is not in the pool.'), eligible),
    targets: ['in_progress'],
  },
  assign: { from: ['ready_for_staffing'], who: ADMINS, guard: all(paid, unstaffed), targets: ['in_progress', 'pending_writer_acceptance'], input: { writer: 'user id of a writer of this website', direct: 'true: the writer must accept first' } },
  acceptAssignment: { from: ['pending_writer_acceptance'], who: (a) => writer(a) && a.isPendingAssignee, guard: eligible, targets: ['in_progress'] },
  rejectAssignment: { from: ['pending_writer_acceptance'], who: (a) => writer(a) && a.isPendingAssignee, targets: ['ready_for_staffing'], input: { reason: 'optional text' } },
  invitePreferred: {
    from: ['ready_for_staffing'],
    who: ADMINS,
    guard: all(paid, unstaffed, (o) => (o.hasPreferredWriter ? null : 'The client named no preferred writer.'), (o) => (o.visibility === 'preferred_writer_only' ? 'The preferred writer is already invited.' : null)),
    targets: [],
  },
  acceptInvitation: {
    from: ['ready_for_staffing'],
    who: (a) => writer(a) && a.isInvitedWriter,
    guard: all(paid, unstaffed, (o) => (o.visibility === 'preferred_writer_only' ? null : 'The invitation is no longer open.'), eligible),
    targets: ['in_progress'],
  },
  declineInvitation: {
    from: ['ready_for_staffing'],
    who: (a) => writer(a) && a.isInvitedWriter,
    guard: (o) => (o.visibility === 'preferred_writer_only' ? null : 'The invitation is no longer open.'),
    targets: [],
    input: { reason: 'optional text' },
  },
  // The schedule's fallback when an invited writer does not answer in time.
  expireInvitation: { from: ['ready_for_staffing'], who: () => false, guard: (o) => (o.visibility === 'preferred_writer_only' ? null : 'No invitation is open.'), targets: [] },
  releaseToPool: { from: ['pending_writer_acceptance', 'in_progress', 'on_hold'], who: ADMINS, targets: ['ready_for_staffing'], input: { reason: 'required text' } },
  // On a revision request, acknowledging puts the order back in progress.
  acknowledge: { from: ['in_progress', 'revision_requested'], who: currentWriter, targets: ['in_progress'] },
  requestHold: { from: ['in_progress'], who: any(currentWriter, SERVICE), guard: (o) => (o.hold === 'none' ? null : 'A hold is already open.'), targets: [], input: { reason: 'required text' } },
  activateHold: { from: ['in_progress'], who: SERVICE, guard: (o) => (o.hold === 'requested' ? null : 'No hold has been requested.'), targets: ['on_hold'] },
  releaseHold: { from: ['on_hold'], who: SERVICE, targets: ['in_progress'] },
  cancelHold: { from: ['in_progress'], who: (a) => SERVICE(a) || (currentWriter(a) && a.isHoldRequester), guard: (o) => (o.hold === 'requested' ? null : 'No hold has been requested.'), targets: [] },
  submit: { from: ['in_progress'], who: currentWriter, guard: (o) => (o.hold === 'none' ? null : 'The order is on hold.'), targets: ['under_editing', 'qa_review', 'submitted'] },
  qaApprove: { from: ['qa_review'], who: REVIEWERS, targets: ['submitted'], input: { note: 'optional text' } },
  qaReturn: { from: ['qa_review'], who: REVIEWERS, targets: ['in_progress'], input: { reason: 'required text' } },
  editorApprove: { from: ['under_editing'], who: REVIEWERS, targets: ['submitted'], input: { note: 'optional text' } },
  editorRequestRevision: { from: ['under_editing'], who: REVIEWERS, targets: ['revision_requested'], input: { reason: 'required text' } },
  complete: { from: ['submitted'], who: any(owner, SERVICE), targets: ['completed'] },
  approve: { from: ['completed'], who: any(owner, ADMINS), guard: (o) => (o.approvedAt ? 'The order is already approved.' : null), targets: [] },
  requestRevision: {
    from: ['submitted', 'completed'],
    who: any(owner, SERVICE),
    guard: (o, _a, now) => {
      if (o.revisionPending) return 'A revision is already pending.'
      const check = revisionCheck({ completedAt: o.completedAt, submittedAt: o.submittedAt, approvedAt: o.approvedAt, now })
      return check.free ? null : check.reason
    },
    targets: ['revision_requested'],
    input: { reason: 'required text' },
  },
  reopen: { from: ['completed'], who: ADMINS, guard: all((o) => (o.hasWriter ? null : 'The order has no writer to reopen it for.'), (o) => (o.approvedAt ? 'The order is approved.' : null)), targets: ['in_progress'] },
  openDispute: {
    from: ['in_progress', 'submitted', 'completed'],
    who: any(owner, currentWriter, SERVICE),
    guard: (o) => (o.dispute === 'none' ? null : 'A dispute is already open.'),
    targets: ['disputed'],
    input: { reason: 'quality_issue | late_delivery | wrong_file | conduct_issue | payment_issue | other', description: 'required text' },
  },
  resolveDispute: { from: ['disputed'], who: ADMINS, guard: (o) => (o.dispute === 'open' ? null : 'The dispute is not open.'), targets: [], input: { outcome: 'writer_wins | client_wins | extend_deadline | reassign | partial_compromise | refund | other', summary: 'required text' } },
  closeDispute: { from: ['disputed'], who: ADMINS, guard: (o) => (o.dispute === 'resolved' ? null : 'Resolve the dispute first.'), targets: ['in_progress', 'submitted', 'completed'], input: { restoreTo: 'in_progress | submitted | completed' } },
  requestReassignment: { from: ['in_progress'], who: any(owner, currentWriter, SERVICE), guard: (o) => (o.reassignmentPending ? 'A reassignment request is already pending.' : null), targets: [], input: { reason: 'required text' } },
  approveReassignment: { from: ['in_progress'], who: SERVICE, guard: (o) => (o.reassignmentPending ? null : 'No reassignment has been requested.'), targets: ['ready_for_staffing'] },
  requestCancellation: { from: CANCELLATION_REQUEST_FROM, who: owner, guard: (o) => (o.cancellationPending ? 'A cancellation request is already pending.' : null), targets: ['pending_cancellation'], input: { reason: 'required text' } },
  approveCancellation: { from: ['pending_cancellation'], who: ADMINS, targets: ['cancelled'], input: { forfeitPercent: 'optional override, 0–80' } },
  rejectCancellation: { from: ['pending_cancellation'], who: SERVICE, targets: CANCELLATION_REQUEST_FROM, input: { reason: 'required text' } },
  cancel: { from: NOT_TERMINAL.filter((s) => canTransition(s, 'cancelled')), who: ADMINS, guard: (o) => (o.approvedAt ? 'An approved order cannot be cancelled.' : null), targets: ['cancelled'], input: { reason: 'required text' } },
  archive: {
    from: ['completed'],
    who: ADMINS,
    guard: (o) => (o.dispute === 'open' ? 'A dispute is open.' : o.revisionPending ? 'A revision is pending.' : o.completedAt ? null : 'The order was never completed.'),
    targets: ['archived'],
  },
} satisfies Record<string, Rule>

export type OrderAction = keyof typeof ORDER_ACTIONS

export const ORDER_ACTION_NAMES = Object.keys(ORDER_ACTIONS) as OrderAction[]

export type Decision = { ok: true; targets: readonly OrderStatus[] } | { ok: false; status: 403 | 409 | 422; reason: string }

/** The platform itself (schedules): no role check, the same statuses and rules. */
export const SYSTEM = 'system'

/**
 * Whether the actor may take the action now: 403 when the role or relation never
 * allows it, 409 when the order's status does not, 422 when a business rule refuses.
 */
export const decide = (action: OrderAction, order: OrderFacts, actor: ActorFacts | typeof SYSTEM, now: Date): Decision => {
  const rule: Rule = ORDER_ACTIONS[action]
  if (actor !== SYSTEM && !rule.who(actor)) return { ok: false, status: 403, reason: `You may not ${action} this order.` }
  if (!rule.from.includes(order.status)) return { ok: false, status: 409, reason: `Not possible while the order is ${order.status}.` }
  const refused = rule.guard?.(order, actor === SYSTEM ? SYSTEM_FACTS : actor, now) ?? null
  if (refused) return { ok: false, status: 422, reason: refused }
  return { ok: true, targets: rule.targets }
}

/**
 * GET /api/orders/:id/actions: what the actor can do now, and the actions of this
 * status that a business rule holds back, with the reason. Actions its role never
 * allows, or that belong to other statuses, are left out.
 */
export const availableActions = (order: OrderFacts, actor: ActorFacts, now: Date) => {
  const available: { action: OrderAction; input: Record<string, string> }[] = []
  const blocked: { action: OrderAction; reason: string }[] = []
  for (const action of ORDER_ACTION_NAMES) {
    const decision = decide(action, order, actor, now)
    const rule: Rule = ORDER_ACTIONS[action]
    if (decision.ok) available.push({ action, input: rule.input ?? {} })
    else if (decision.status === 422) blocked.push({ action, reason: decision.reason })
  }
  return { available, blocked }
}
