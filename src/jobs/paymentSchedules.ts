import type { Payload } from 'payload'

import { PAYMENT_EXPIRY_MINUTES } from '@/domain/payments/types'
import { failPayment } from '@/operations/payments/settlePayment'
import { asSystem, systemProof, systemRequest } from '@/access/system'

import type { Schedule } from './schedules'

const proof = systemProof('payment schedules')

const MINUTE_MS = 60 * 1000
const BATCH = 200

/**
 * Payments still pending PAYMENT_EXPIRY_MINUTES after checkout (an abandoned card page,
 * a manual payment nobody confirmed) expire, and a tip waiting on one fails. Each under
 * the payment's row lock through `failPayment`, so one that succeeds meanwhile stays
 * succeeded; a card success that arrives after expiry is still applied (money arrived).
 */
export const expirePayments = async (payload: Payload, now: Date): Promise<{ done: number }> => {
  const before = new Date(now.getTime() - PAYMENT_EXPIRY_MINUTES * MINUTE_MS).toISOString()
  const req = await systemRequest(payload, proof)
  let done = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'payments',
      where: { and: [{ status: { equals: 'pending' } }, { provider: { not_equals: 'wallet' } }, { createdAt: { less_than: before } }] },
      sort: 'id',
      limit: BATCH,
      depth: 0,
      ...asSystem(proof),
    })
    for (const payment of docs) {
      const after = await failPayment(req, payment.id, 'expired', `Not paid within ${PAYMENT_EXPIRY_MINUTES} minutes.`)
      if (after.status === 'expired') done += 1
    }
    if (docs.length < BATCH) return { done }
  }
}

export const PAYMENT_SCHEDULES: Schedule[] = [{ id: 'payments-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expirePayments(payload, now) }]
