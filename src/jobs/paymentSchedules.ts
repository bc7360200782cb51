import type { Payload } from 'payload'

import { PAYMENT_EXPIRY_MINUTES } from '@/domain/payments/types'
import { failPayment } from '@/operations/payments/settlePayment'

import type { Schedule } from './schedules'
import { idsMatching, sweep, type SweepCounts } from './sweep'

const MINUTE_MS = 60 * 1000

/**
 * Payments still pending PAYMENT_EXPIRY_MINUTES after checkout (an abandoned card page,
 * a manual payment nobody confirmed) expire, and a tip waiting on one fails. Each under
 * the payment's row lock through `failPayment`, so one that succeeds meanwhile stays
 * succeeded; a card success that arrives after expiry is still applied (money arrived).
 */
export const expirePayments = async (payload: Payload, now: Date): Promise<SweepCounts> => {
  const before = new Date(now.getTime() - PAYMENT_EXPIRY_MINUTES * MINUTE_MS).toISOString()
  const pending = idsMatching(payload, 'payments', { and: [{ status: { equals: 'pending' } }, { provider: { not_equals: 'wallet' } }, { createdAt: { less_than: before } }] })
  return sweep(payload, 'payments-expiry', pending, async (id, req) => (await failPayment(req, id, 'expired', `Not paid within ${PAYMENT_EXPIRY_MINUTES} minutes.`)).status === 'expired')
}

export const PAYMENT_SCHEDULES: Schedule[] = [{ id: 'payments-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expirePayments(payload, now) }]
