import type { Payload } from 'payload'

import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000

/**
 * Sent quotes past `expiresAt` are expired by the platform (`expire`, under the quote's
 * and its order's locks): the order goes back to staff to quote again and its client is
 * told. A quote answered meanwhile is a 409, counted as neither done nor failed.
 */
export const expireQuotes = (payload: Payload, now: Date) =>
  sweep(payload, 'special-order-quote-expiry', idsMatching(payload, 'special-order-quotes', { and: [{ status: { equals: 'sent' } }, { expiresAt: { less_than_equal: now.toISOString() } }] }), async (id, req) => {
    await performAction(req, 'special-order-quotes', id, 'expire', {}, { system: true, now })
    return true
  })

/** Special orders (reference §10.1). */
export const SPECIAL_ORDER_SCHEDULES: Schedule[] = [{ id: 'special-order-quote-expiry', everyMs: 15 * MINUTE_MS, run: ({ payload, now }) => expireQuotes(payload, now) }]
