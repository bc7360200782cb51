/** How a status looks in a list: the colour family of its pill. */
export const STATUS_TONES = ['neutral', 'info', 'success', 'warning', 'danger'] as const
export type StatusTone = (typeof STATUS_TONES)[number]

/**
 * The tone of the status names the workflows share, so a new workflow gets sensible
 * colours without a table of its own: done well (success), waiting on someone
 * (warning), stopped or undone (danger), moving (info). Anything else is neutral.
 */
const DEFAULT_TONES: Readonly<Record<string, StatusTone>> = {
  paid: 'success',
  fully_paid: 'success',
  completed: 'success',
  succeeded: 'success',
  approved: 'success',
  accepted: 'success',
  resolved: 'success',
  done: 'success',
  active: 'info',
  in_progress: 'info',
  issued: 'info',
  ready: 'info',
  ready_for_staffing: 'info',
  submitted: 'info',
  qa_review: 'info',
  under_editing: 'info',
  open: 'info',
  pending: 'warning',
  unpaid: 'warning',
  pending_payment: 'warning',
  partially_paid: 'warning',
  pending_writer_acceptance: 'warning',
  invited: 'warning',
  requested: 'warning',
  on_hold: 'warning',
  revision_requested: 'warning',
  pending_cancellation: 'warning',
  disputed: 'danger',
  cancelled: 'danger',
  canceled: 'danger',
  failed: 'danger',
  rejected: 'danger',
  refunded: 'danger',
  voided: 'danger',
  expired: 'danger',
  declined: 'danger',
}

/** Every status's tone: the shared defaults, then the workflow's own overrides. */
export const statusTones = (statuses: readonly string[], overrides: Readonly<Partial<Record<string, StatusTone>>> = {}): Record<string, StatusTone> =>
  Object.fromEntries(statuses.map((status) => [status, overrides[status] ?? DEFAULT_TONES[status] ?? 'neutral']))
