import type { Payload } from 'payload'

import { closeWindow, openWindow } from '@/operations/payouts/windows'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000

/**
 * The payment-window schedule: closes every open window whose close has passed (each
 * re-checked under its row lock), then opens the next window of every active website
 * that has none.
 */
export const runPaymentWindows = async (payload: Payload, now: Date) => {
  const due = idsMatching(payload, 'payment-windows', { and: [{ status: { equals: 'open' } }, { closesAt: { less_than_equal: now.toISOString() } }] })
  const closing = await sweep(payload, 'payouts-windows (close)', due, async (id, req) => Boolean(await closeWindow(req, id, now)))
  const websites = idsMatching(payload, 'tenants', { active: { equals: true } })
  const opening = await sweep(payload, 'payouts-windows (open)', websites, async (id, req) => Boolean(await openWindow(req, id, now)))
  return { closed: closing.done, opened: opening.done, failed: closing.failed + opening.failed }
}

/** Requests still pending at their expiry are released by the platform's `expire` action; one decided meanwhile is left alone (409). */
export const expirePayoutRequests = (payload: Payload, now: Date) =>
  sweep(payload, 'payouts-request-expiry', idsMatching(payload, 'payout-requests', { and: [{ status: { equals: 'pending' } }, { expiresAt: { less_than_equal: now.toISOString() } }] }), async (id, req) => {
    await performAction(req, 'payout-requests', id, 'expire', {}, { system: true, now })
    return true
  })

/**
 * Writer payouts' timed jobs (DESIGN §8; reference: close 23:50, open 00:05, hold expiry
 * every 5 min). Windows close at their own `closesAt`, so a frequent sweep keeps each
 * close within minutes of it; both sweeps are idempotent.
 */
export const PAYOUT_SCHEDULES: Schedule[] = [
  { id: 'payouts-windows', everyMs: 10 * MINUTE_MS, run: ({ payload, now }) => runPaymentWindows(payload, now) },
  { id: 'payouts-request-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expirePayoutRequests(payload, now) },
]
