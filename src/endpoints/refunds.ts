import { z } from 'zod'

import { docOf } from '@/api/openapi/describe'
import { refundOrderAsAdmin } from '@/operations/money/refundOrder'

import { moneyPost } from './moneyPost'
import { idParams, routeId } from './routeId'

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
export const refundEndpoint = moneyPost(
  '/:id/refunds',
  'refunds',
  body,
  (req) => `orders.refund.${routeId(req)}`,
  async (req, input) => ({
    status: 201,
    body: { refund: await refundOrderAsAdmin(req, routeId(req), input) },
  }),
  {
    summary: 'Refund an order',
    description: [
      'An admin of the order’s website gives back `amount` cents of what the order was paid, to the client’s wallet (`wallet`, the default) or to the card it was paid with (`provider`), with a reason.',
      'Partial refunds add up to at most what was paid: more is a **422** naming `amount` with `data.refundable`; a card refund of more than the card paid is a 422 too. The order’s writer earning is lowered by the refunded share.',
      '**403** for anyone but an admin of the website, **404** when the caller cannot see the order, **502** when the card processor refuses. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    params: idParams,
    responses: { 201: z.object({ refund: docOf('refunds') }) },
    errors: [400, 401, 403, 404, 409, 422, 502],
  },
)
