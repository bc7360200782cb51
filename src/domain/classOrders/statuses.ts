/** A class order's life (reference §10.2), in the order the admin lists them. */
export const CLASS_ORDER_STATUSES = [
  'draft',
  'submitted',
  'needs_client_info',
  'under_review',
  'price_proposed',
  'negotiating',
  'accepted',
  'pending_payment',
  'partially_paid',
  'paid',
  'assigned',
  'in_progress',
  'paused',
  'quality_review',
  'completed',
  'cancelled',
  'archived',
] as const
export type ClassOrderStatus = (typeof CLASS_ORDER_STATUSES)[number]

/** Where the class's money stands; `overdue` while an installment is past due and unpaid. */
export const CLASS_PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'refunded'] as const
export type ClassPaymentStatus = (typeof CLASS_PAYMENT_STATUSES)[number]

/** How the assigned writer is paid for the class: a percentage of its accepted total, or a fixed amount. */
export const CLASS_COMPENSATION_KINDS = ['percentage', 'fixed'] as const
export type ClassCompensationKind = (typeof CLASS_COMPENSATION_KINDS)[number]
