import type { Payload } from 'payload'

import { CAMPAIGN_SCHEDULES } from './campaignSchedules'
import { AUDIT_SCHEDULES } from './auditSchedules'
import { CONTENT_SCHEDULES } from './contentSchedules'
import { DISCOUNT_SCHEDULES } from './discountSchedules'
import type { Dispatcher } from './dispatcher'
import { INVOICE_SCHEDULES } from './invoiceSchedules'
import { NOTIFICATION_SCHEDULES } from './notificationSchedules'
import { ORDER_SCHEDULES } from './orderSchedules'
import { PAYMENT_SCHEDULES } from './paymentSchedules'
import { PAYOUT_SCHEDULES } from './payoutSchedules'
import { WRITER_SCHEDULES } from './writerSchedules'
import { TICKET_SCHEDULES } from './ticketSchedules'
import { SPECIAL_ORDER_SCHEDULES } from './specialOrderSchedules'
import { CLASS_ORDER_SCHEDULES } from './classOrderSchedules'
import { redispatchStale, relayOnce } from './relay'
import { asSystem, systemProof } from '@/access/system'

const proof = systemProof('schedules')

export type Schedule = {
  /** Stable id; BullMQ upserts its job scheduler under it. */
  id: string
  everyMs: number
  /** `now` is the schedule's clock: the runtime passes the time, tests any time they like. */
  run: (ctx: { payload: Payload; dispatcher: Dispatcher; now: Date }) => Promise<unknown>
}

const DAY_MS = 24 * 3600 * 1000

/** Every timed job of the platform, in one list (DESIGN §8). */
export const SCHEDULES: Schedule[] = [
  {
    // The relay loop moves rows within a second; this sweep is the safety net when no
    // loop runs (e.g. every worker restarted at once).
    id: 'outbox-relay-sweep',
    everyMs: 15_000,
    run: ({ payload, dispatcher }) => relayOnce(payload, dispatcher, { batch: 500 }),
  },
  {
    // A queue that lost its jobs (Redis restarted without its data) leaves rows
    // dispatched for ever: they go to the queue again under the same job id.
    id: 'outbox-redispatch-stale',
    everyMs: 30_000,
    run: ({ payload, dispatcher, now }) => redispatchStale(payload, dispatcher, now),
  },
  {
    id: 'outbox-clean-done',
    everyMs: 3600 * 1000,
    run: ({ payload, now }) => cleanOutbox(payload, new Date(now.getTime() - 7 * DAY_MS)),
  },
  ...ORDER_SCHEDULES,
  ...PAYMENT_SCHEDULES,
  ...PAYOUT_SCHEDULES,
  ...DISCOUNT_SCHEDULES,
  ...INVOICE_SCHEDULES,
  ...CONTENT_SCHEDULES,
  ...WRITER_SCHEDULES,
  ...TICKET_SCHEDULES,
  ...SPECIAL_ORDER_SCHEDULES,
  ...CLASS_ORDER_SCHEDULES,
  ...CAMPAIGN_SCHEDULES,
  ...AUDIT_SCHEDULES,
  ...NOTIFICATION_SCHEDULES,
]

/** Deletes rows whose work finished before `before`; dead letters stay for inspection. */
export const cleanOutbox = async (payload: Payload, before: Date) => {
  const { docs } = await payload.delete({
    collection: 'outbox',
    where: { and: [{ status: { equals: 'done' } }, { doneAt: { less_than: before.toISOString() } }] },
    depth: 0,
    ...asSystem(proof),
  })
  return { deleted: docs.length }
}
