import type { Endpoint } from 'payload'
import { z } from 'zod'

import { confirmManualPayment } from '@/operations/payments/confirmManualPayment'
import { checkoutOnce } from '@/operations/payments/checkoutOnce'
import { idempotencyHeader } from '@/operations/payments/idempotency'
import { handleStripeWebhook } from '@/operations/payments/stripeWebhook'

import { moneyPost } from './moneyPost'
import { readJsonBody } from './readJsonBody'
import { routeId } from './routeId'
import { sendAnswer } from './sendAnswer'

/** POST /api/payments/checkout `{ purpose, order? | amount?, provider }` (Idempotency-Key honoured) → `{ payment, checkoutUrl? }`. */
export const checkoutEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    return sendAnswer(await checkoutOnce(req, idempotencyHeader(req), body))
  },
}

/** POST /api/payments/webhooks/stripe: Stripe's events, verified over the raw body. */
export const stripeWebhookEndpoint: Endpoint = {
  path: '/webhooks/stripe',
  method: 'post',
  handler: async (req) => Response.json(await handleStripeWebhook(req, req.text ? await req.text() : '')),
}

// Control characters never get this far: readJsonBody refuses them in any body, naming the field.
const confirmBody = z
  .object({
    bankReference: z.string({ error: 'Text.' }).trim().min(1, 'At least 1 character.').max(64, 'At most 64 characters.').regex(/^[^\r\n\t]*$/, 'One line.').optional(),
    note: z.string({ error: 'Text.' }).trim().max(500, 'At most 500 characters.').optional(),
  }, { error: 'An object: { bankReference?, note? }.' })
  .strict()

/**
 * POST /api/payments/:id/confirm `{ bankReference?, note? }`: an admin of the payment's
 * website confirms that a manual payment's money arrived (Idempotency-Key honoured) →
 * 200 `{ payment, applied }`; `applied: false` when it was applied already.
 */
export const confirmEndpoint = moneyPost('/:id/confirm', 'payments', confirmBody, (req) => `payments.confirm.${routeId(req)}`, async (req, input) => ({
  status: 200,
  body: await confirmManualPayment(req, routeId(req), input),
}))
