/** Order statuses (reference §3.3), in lifecycle order. */
export const ORDER_STATUSES = [
  'created',
  'unpaid',
  'pending_payment',
  'paid',
  'ready_for_staffing',
  'pending_writer_acceptance',
  'in_progress',
  'on_hold',
  'qa_review',
  'under_editing',
  'submitted',
  'completed',
  'disputed',
  'revision_requested',
  'pending_cancellation',
  'cancelled',
  'refunded',
  'archived',
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]

/**
 * Allowed status changes, from → to (the reference's authoritative table). Every
 * action's move is checked against it; `refunded` has no way in: refunds live on the
 * payment status and refund records.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  created: ['pending_payment', 'unpaid', 'cancelled'],
  unpaid: ['pending_payment', 'ready_for_staffing', 'cancelled'],
  pending_payment: ['ready_for_staffing', 'cancelled'],
  paid: ['ready_for_staffing', 'cancelled'],
  ready_for_staffing: ['in_progress', 'pending_writer_acceptance', 'on_hold', 'cancelled', 'pending_cancellation'],
  pending_writer_acceptance: ['in_progress', 'ready_for_staffing', 'cancelled', 'pending_cancellation'],
  in_progress: ['qa_review', 'under_editing', 'submitted', 'on_hold', 'ready_for_staffing', 'disputed', 'cancelled', 'pending_cancellation'],
  on_hold: ['in_progress', 'ready_for_staffing', 'cancelled', 'pending_cancellation'],
  pending_cancellation: ['cancelled', 'in_progress', 'ready_for_staffing', 'on_hold', 'pending_writer_acceptance'],
  qa_review: ['in_progress', 'under_editing', 'submitted', 'disputed', 'cancelled'],
  under_editing: ['submitted', 'in_progress', 'qa_review', 'revision_requested', 'on_hold', 'cancelled', 'pending_cancellation'],
  submitted: ['completed', 'disputed', 'in_progress', 'revision_requested', 'on_hold', 'cancelled'],
  completed: ['archived', 'disputed', 'in_progress', 'revision_requested', 'cancelled'],
  disputed: ['in_progress', 'submitted', 'completed', 'cancelled'],
  revision_requested: ['in_progress', 'under_editing', 'submitted', 'cancelled'],
  cancelled: [],
  refunded: [],
  archived: [],
}

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => TRANSITIONS[from].includes(to)

/** No action leads out of these. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ['cancelled', 'refunded', 'archived']

/** Orders that no longer count against a writer's active-order limit. */
export const CLOSED_FOR_STAFFING: readonly OrderStatus[] = ['completed', 'cancelled', 'archived', 'refunded']

/** How much of an order's total has been paid (derived from payments and refunds, never typed in). */
export const ORDER_PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'fully_paid', 'refunded'] as const

/** Where an invitation of the client's preferred writer stands. */
export const PREFERRED_WRITER_STATUSES = ['not_requested', 'invited', 'accepted', 'declined', 'expired', 'fallback_to_pool'] as const
