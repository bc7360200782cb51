import type { Cents } from '../money'

import type { OrderStatus } from './statuses'

const DAY_MS = 24 * 3600 * 1000

/**
 * Share of the amount paid that a client forfeits when cancelling (reference §3.7),
 * by time left to the **client deadline** (the reference read a field that does not
 * exist and always answered 0 %): more than 7 days 0 %, more than 3 days 20 %, more
 * than 1 day 40 %, otherwise 80 %. Nothing is forfeited before a writer is on it.
 */
export const forfeiturePercent = (args: { status: OrderStatus; clientDeadline: Date; now: Date }): number => {
  if (args.status === 'ready_for_staffing' || args.status === 'pending_writer_acceptance') return 0
  const left = args.clientDeadline.getTime() - args.now.getTime()
  if (left > 7 * DAY_MS) return 0
  if (left > 3 * DAY_MS) return 20
  if (left > 1 * DAY_MS) return 40
  return 80
}

/** Staff may override the forfeiture between 0 and 80 %. */
export const MAX_FORFEITURE_PERCENT = 80

/** Amounts kept and refunded for a forfeiture; the refund is never more than was paid. */
export const splitRefund = (amountPaid: Cents, percent: number): { kept: Cents; refunded: Cents } => {
  if (!Number.isInteger(percent) || percent < 0 || percent > MAX_FORFEITURE_PERCENT) {
    throw new RangeError(`forfeiture must be a whole percentage from 0 to ${MAX_FORFEITURE_PERCENT}`)
  }
  const kept = Math.floor((amountPaid * percent + 50) / 100)
  return { kept, refunded: amountPaid - kept }
}

/** Statuses from which a client may ask to cancel. */
export const CANCELLATION_REQUEST_FROM: readonly OrderStatus[] = ['ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold']
