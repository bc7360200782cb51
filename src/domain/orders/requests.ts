/** Requests attached to an order (or, `change`, to a special order), each with its own small lifecycle. */
export const REQUEST_KINDS = ['hold', 'dispute', 'cancellation', 'reassignment', 'revision', 'change'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const REQUEST_STATUSES = ['requested', 'active', 'open', 'resolved', 'pending', 'in_progress', 'approved', 'rejected', 'released', 'cancelled', 'closed', 'done'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** Statuses in which a request of each kind still counts as open. */
export const OPEN_REQUEST_STATUSES: Readonly<Record<RequestKind, readonly RequestStatus[]>> = {
  hold: ['requested', 'active'],
  dispute: ['open', 'resolved'],
  cancellation: ['pending'],
  reassignment: ['pending'],
  revision: ['pending', 'in_progress'],
  // A special order's change: asked (pending), priced and waiting for the client (in_progress); then done or rejected.
  change: ['pending', 'in_progress'],
}

export const ALL_OPEN_REQUEST_STATUSES: readonly RequestStatus[] = [...new Set(Object.values(OPEN_REQUEST_STATUSES).flat())]
