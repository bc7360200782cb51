import { systemProof } from '@/access/system'
import { expirePayoutRequests } from '@/operations/payouts/requests'
import { runPaymentWindows } from '@/operations/payouts/windows'

import type { Schedule } from './schedules'

const MINUTE_MS = 60 * 1000

const proof = systemProof('payout schedules')

/**
 * Writer payouts' timed jobs (DESIGN §8; reference: close 23:50, open 00:05, hold expiry
 * every 5 min). Windows close at their own `closesAt`, so a frequent sweep keeps each
 * close within minutes of it; both sweeps are idempotent.
 */
export const PAYOUT_SCHEDULES: Schedule[] = [
  { id: 'payouts-windows', everyMs: 10 * MINUTE_MS, run: ({ payload, now }) => runPaymentWindows(payload, proof, now) },
  { id: 'payouts-request-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expirePayoutRequests(payload, proof, now) },
]
