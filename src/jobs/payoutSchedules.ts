import { expirePayoutRequests } from '@/operations/payouts/expire'
import { runPaymentWindows } from '@/operations/payouts/windows'

import type { Schedule } from './schedules'

const MINUTE_MS = 60 * 1000

/**
 * Writer payouts' timed jobs (DESIGN §8; reference: close 23:50, open 00:05, hold expiry
 * every 5 min). Windows close at their own `closesAt`, so a frequent sweep keeps each
 * close within minutes of it; both sweeps are idempotent.
 */
export const PAYOUT_SCHEDULES: Schedule[] = [
  { id: 'payouts-windows', everyMs: 10 * MINUTE_MS, run: ({ payload, now }) => runPaymentWindows(payload, now) },
  { id: 'payouts-request-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expirePayoutRequests(payload, now) },
]
