/** Statuses of the payout records (reference §6.7); `cancelled` waits for the coming "hold/defer a record" workflow. */
export const PAYOUT_RECORD_STATUSES = ['pending', 'paid', 'cancelled'] as const
export type PayoutRecordStatus = (typeof PAYOUT_RECORD_STATUSES)[number]

/** A writer's payout request: decided by an admin, or expired by the platform. */
export const PAYOUT_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const
export type PayoutRequestStatus = (typeof PAYOUT_REQUEST_STATUSES)[number]

/** A closed window's batch: `ready` until its first record is paid, `paid` once all are. */
export const PAYOUT_BATCH_STATUSES = ['ready', 'partially_paid', 'paid'] as const

export const PAYMENT_WINDOW_STATUSES = ['open', 'closed'] as const

/** A writer's earning: voided while unpaid, or answered by a reversal once paid out. */
export const EARNING_STATUSES = ['pending', 'paid', 'voided'] as const
