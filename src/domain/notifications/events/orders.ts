import type { OrderAction } from '@/domain/orders/actions'

import type { EventDescriber } from '../catalogue'

import { OrderLabel, type Facts, linkTo, moneyOf, numberOf, orderLabel, reasonSuffix, textOf } from './facts'

/**
 * Order events (reference §9.3 `order.*`): what each workflow action and schedule finding
 * tells the order's parties. Facts: `orderId`, `number`, `from`, `to`, `currency`,
 * `total`, `reason`, and the finding's own (`hoursLeft`, `hoursLate`).
 */

/** The event the parties hear of for each order action; null: nothing worth a notification (bids and interest are the staff's business). */
export const ORDER_ACTION_EVENTS: Record<OrderAction, string | null> = {
  markPaid: 'order.paid',
  routeToPool: 'order.routed_to_pool',
  showInterest: null,
  bid: null,
  withdrawInterest: null,
  take: 'order.assigned',
  assign: 'order.assigned',
  acceptAssignment: 'order.assignment_accepted',
  rejectAssignment: 'order.assignment_rejected',
  invitePreferred: 'order.preferred_writer_invited',
  acceptInvitation: 'order.assigned',
  declineInvitation: 'order.invitation_declined',
  expireInvitation: 'order.invitation_expired',
  releaseToPool: 'order.released_to_pool',
  acknowledge: 'order.acknowledged',
  requestHold: 'order.hold_requested',
  activateHold: 'order.on_hold',
  releaseHold: 'order.hold_released',
  cancelHold: 'order.hold_withdrawn',
  submit: 'order.submitted',
  qaApprove: 'order.qa_approved',
  qaReturn: 'order.qa_returned',
  editorApprove: 'order.reviewed',
  editorRequestRevision: 'order.revision_requested',
  complete: 'order.completed',
  approve: 'order.approved',
  requestRevision: 'order.revision_requested',
  reopen: 'order.reopened',
  openDispute: 'order.disputed',
  resolveDispute: 'order.dispute_resolved',
  closeDispute: 'order.dispute_closed',
  requestReassignment: 'order.reassignment_requested',
  approveReassignment: 'order.reassigned',
  requestCancellation: 'order.cancellation_requested',
  approveCancellation: 'order.cancelled',
  rejectCancellation: 'order.cancellation_rejected',
  cancel: 'order.cancelled',
  archive: 'order.archived',
}

/**
 * The event the parties hear of for a schedule's finding or a platform step on the order's
 * timeline; null: the staff's alone (a payment is told by its receipt, `payment.succeeded`).
 */
export const ORDER_FINDING_EVENTS: Record<string, string | null> = {
  paymentApplied: null,
  deadlineReminder: 'order.deadline_approaching',
  acknowledgementReminder: 'order.writer_acknowledgement_reminder',
  overdue: 'order.overdue',
  stuck: null,
}

/** The party-facing event of an order action or finding, if it has one. */
export const orderEventOf = (action: string): string | null => (ORDER_ACTION_EVENTS as Record<string, string | null>)[action] ?? ORDER_FINDING_EVENTS[action] ?? null

const orderLink = (d: Facts) => linkTo('/orders', d, 'orderId', '/orders')

/** An order event's texts, from its title and the sentence after the order's label. */
const orderEvent =
  (title: string, body: (d: Facts) => string, extra: Partial<{ priority: 'low' | 'normal' | 'high' | 'critical' }> = {}): EventDescriber =>
  (d) => ({ category: 'orders', priority: extra.priority ?? 'normal', title: `${OrderLabel(d)}: ${title}`, body: body(d), link: orderLink(d) })

const hoursText = (n: number) => (n === 1 ? '1 hour' : `${n} hours`)

export const ORDER_EVENTS: Record<string, EventDescriber> = {
  'order.paid': orderEvent('paid', (d) => `${OrderLabel(d)} is paid${numberOf(d, 'total') !== null ? ` (${moneyOf(d, 'total')})` : ''} and goes to the writers.`),
  'order.routed_to_pool': orderEvent('open to all writers', (d) => `${OrderLabel(d)} is now open to every eligible writer.`),
  'order.assigned': orderEvent('writer assigned', (d) =>
    textOf(d, 'to') === 'pending_writer_acceptance' ? `${OrderLabel(d)} is offered to a writer, who has to accept it.` : `A writer is assigned to ${orderLabel(d)} and work has started.`,
  ),
  'order.assignment_accepted': orderEvent('assignment accepted', (d) => `The writer accepted ${orderLabel(d)} and work has started.`),
  'order.assignment_rejected': orderEvent('assignment declined', (d) => `The writer declined ${orderLabel(d)}; it goes back to staffing.${reasonSuffix(d)}`),
  'order.preferred_writer_invited': orderEvent('invitation', (d) => `You are invited to write ${orderLabel(d)} as the client's preferred writer.`),
  'order.invitation_declined': orderEvent('invitation declined', (d) => `The preferred writer declined ${orderLabel(d)}; another writer will be found.${reasonSuffix(d)}`),
  'order.invitation_expired': orderEvent('invitation expired', (d) => `The invitation to write ${orderLabel(d)} expired; the order is open to other writers.`),
  'order.released_to_pool': orderEvent('released', (d) => `${OrderLabel(d)} was released from its writer and goes back to staffing.${reasonSuffix(d)}`),
  'order.acknowledged': orderEvent('acknowledged', (d) => `The writer acknowledged ${orderLabel(d)}.`, { priority: 'low' }),
  'order.hold_requested': orderEvent('hold requested', (d) => `A hold was requested on ${orderLabel(d)}.${reasonSuffix(d)}`),
  'order.on_hold': orderEvent('on hold', (d) => `${OrderLabel(d)} is on hold.${reasonSuffix(d)}`),
  'order.hold_released': orderEvent('hold released', (d) => `The hold on ${orderLabel(d)} is released; work goes on.`),
  'order.hold_withdrawn': orderEvent('hold withdrawn', (d) => `The hold request on ${orderLabel(d)} was withdrawn.`, { priority: 'low' }),
  'order.submitted': orderEvent('work submitted', (d) => `The writer submitted the work for ${orderLabel(d)}.`),
  'order.qa_approved': orderEvent('passed quality review', (d) => `The work for ${orderLabel(d)} passed quality review.`),
  'order.qa_returned': orderEvent('returned by quality review', (d) => `Quality review returned ${orderLabel(d)} to the writer.${reasonSuffix(d)}`),
  'order.reviewed': orderEvent('edited and ready', (d) => `The editor approved the work for ${orderLabel(d)}.`),
  'order.revision_requested': orderEvent('revision requested', (d) => `A revision was requested on ${orderLabel(d)}.${reasonSuffix(d)}`, { priority: 'high' }),
  'order.completed': orderEvent('completed', (d) => `${OrderLabel(d)} is completed. Please review and approve the work.`),
  'order.approved': orderEvent('approved', (d) => `The work for ${orderLabel(d)} is approved.`),
  'order.reopened': orderEvent('reopened', (d) => `${OrderLabel(d)} was reopened for its writer.${reasonSuffix(d)}`),
  'order.disputed': orderEvent('dispute opened', (d) => `A dispute was opened on ${orderLabel(d)}.${reasonSuffix(d)}`, { priority: 'high' }),
  'order.dispute_resolved': orderEvent('dispute resolved', (d) => `The dispute on ${orderLabel(d)} is resolved.${reasonSuffix(d)}`, { priority: 'high' }),
  'order.dispute_closed': orderEvent('dispute closed', (d) => `The dispute on ${orderLabel(d)} is closed.`),
  'order.reassignment_requested': orderEvent('reassignment requested', (d) => `A new writer was requested for ${orderLabel(d)}.${reasonSuffix(d)}`),
  'order.reassigned': orderEvent('reassigned', (d) => `${OrderLabel(d)} is being given to another writer.`),
  'order.cancellation_requested': orderEvent('cancellation requested', (d) => `The client asked to cancel ${orderLabel(d)}.${reasonSuffix(d)}`, { priority: 'high' }),
  'order.cancelled': orderEvent('cancelled', (d) => `${OrderLabel(d)} is cancelled.${reasonSuffix(d)}`, { priority: 'high' }),
  'order.cancellation_rejected': orderEvent('cancellation declined', (d) => `The request to cancel ${orderLabel(d)} was declined; the order goes on.${reasonSuffix(d)}`),
  'order.archived': orderEvent('archived', (d) => `${OrderLabel(d)} is archived.`, { priority: 'low' }),
  'order.deadline_approaching': (d) => {
    const hours = numberOf(d, 'hoursLeft')
    return {
      category: 'orders',
      priority: hours !== null && hours <= 1 ? 'high' : 'normal',
      title: `${OrderLabel(d)}: deadline approaching`,
      body: hours !== null ? `${OrderLabel(d)} is due in ${hoursText(hours)}.` : `${OrderLabel(d)} is due soon.`,
      link: orderLink(d),
    }
  },
  'order.writer_acknowledgement_reminder': orderEvent('please acknowledge', (d) => `You were assigned ${orderLabel(d)}: please acknowledge it so the client knows work has started.`),
  'order.overdue': orderEvent(
    'overdue',
    (d) => {
      const late = numberOf(d, 'hoursLate')
      return late !== null && late > 0 ? `${OrderLabel(d)} is ${hoursText(late)} past its deadline.` : `${OrderLabel(d)} is past its deadline.`
    },
    { priority: 'high' },
  ),
  // Messages hang off an order, a special order or a class order: the link goes to the one it is on.
  'order.message': (d) => ({
    ...orderEvent('new message', (f) => `You have a new message on ${orderLabel(f)}.`)(d),
    link: linkTo('/orders', d, 'orderId') ?? linkTo('/special-orders', d, 'specialOrderId') ?? linkTo('/class-orders', d, 'classOrderId', '/orders'),
  }),
}
