/**
 * pending → dispatched (a job exists) → done (its handler ran) | failed (dead letter:
 * the relay or the handler gave up after its bounded attempts).
 */
export const OUTBOX_STATUSES = ['pending', 'dispatched', 'done', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]
