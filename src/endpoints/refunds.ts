import { z } from 'zod'

import { docOf } from '@/api/openapi/describe'
import { refundRouteInput } from '@/domain/payments/refundRoute'
import { refundOrderAsAdmin } from '@/operations/money/refundOrder'

import { moneyPost } from './moneyPost'
import { idParams, routeId } from './routeId'

const body = z.object({
  amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
  ...refundRouteInput,
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500),
})

/**
 * POST /api/orders/:id/refunds `{ amount, destination?: "wallet" | "provider" | "external", externalReference?, reason }`
 * (admins of the order's website; Idempotency-Key honoured) → 201 `{ refund }`. Partial
 * refunds add up to at most what the order was paid (422).
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
      'An admin of the order’s website gives back `amount` cents of what the order was paid, with a reason: to the client’s wallet (`wallet`), to the card it was paid with (`provider`), or as money already paid back outside the platform (`external`: a bank transfer or cash, recorded with its `externalReference`; nothing is sent anywhere). Without `destination` the refund goes to the wallet where the website offers one (`features.allowWallet`), else back to the card.',
      'Partial refunds add up to at most what was paid: more is a **422** naming `amount` with `data.refundable`; a card refund of more than the card paid is a 422 too (naming `destination` when the destination was not chosen). `wallet` on a website without a wallet is a **422** naming `destination` (`data.rule` `wallet_off`). `externalReference` is required with `external` and refused with any other destination (**400**). The order’s writer earning is lowered by the refunded share.',
      '**403** for anyone but an admin of the website, **404** when the caller cannot see the order, **502** when the card processor refuses. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    params: idParams,
    responses: { 201: z.object({ refund: docOf('refunds') }) },
    errors: [400, 401, 403, 404, 409, 422, 502],
  },
)
