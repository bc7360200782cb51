import { z } from 'zod'

import { refundOrderAsAdmin } from '@/operations/money/refundOrder'

import { moneyPost } from './moneyPost'
import { routeId } from './routeId'

const body = z.object({
  amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
  destination: z.enum(['wallet', 'provider'], { error: 'One of wallet, provider (back to the card).' }).default('wallet'),
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500),
})

/**
 * POST /api/orders/:id/refunds `{ amount, destination: "wallet" | "provider", reason }` (admins of the
 * order's website; Idempotency-Key honoured) → 201 `{ refund }`. Partial refunds add up
 * to at most what the order was paid (422).
 */
export const refundEndpoint = moneyPost('/:id/refunds', 'refunds', body, (req) => `orders.refund.${routeId(req)}`, async (req, input) => ({
  status: 201,
  body: { refund: await refundOrderAsAdmin(req, routeId(req), input) },
}))
