import type { Endpoint } from 'payload'

import { idOf } from '@/access/actor'
import { env, manualPaymentsEnabled } from '@/env'
import { ClientError } from '@/errors'
import { adminOf, visibleDoc } from '@/operations/adminOfVisible'
import { checkout } from '@/operations/payments/checkout'
import { withIdempotency } from '@/operations/payments/idempotency'
import { settlePayment } from '@/operations/payments/settlePayment'
import { handleStripeWebhook } from '@/operations/payments/stripeWebhook'

import { readJsonBody } from './readJsonBody'
import { routeId } from './routeId'
import { sendAnswer } from './sendAnswer'

/** POST /api/payments/checkout `{ purpose, order? | amount?, provider }` (Idempotency-Key honoured) → `{ payment, checkoutUrl? }`. */
export const checkoutEndpoint: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    return sendAnswer(await withIdempotency(req, 'payments.checkout', body, async () => ({ status: 201, body: await checkout(req, body) })))
  },
}

/** POST /api/payments/webhooks/stripe: Stripe's events, verified over the raw body. */
export const stripeWebhookEndpoint: Endpoint = {
  path: '/webhooks/stripe',
  method: 'post',
  handler: async (req) => Response.json(await handleStripeWebhook(req, req.text ? await req.text() : '')),
}

/**
 * POST /api/payments/:id/confirm: the manual provider's "the money arrived", for
 * development and tests (off in production): the payment's client or an admin of its
 * website confirms, and exactly the code a Stripe success runs applies it, once.
 */
export const confirmEndpoint: Endpoint = {
  path: '/:id/confirm',
  method: 'post',
  handler: async (req) => {
    if (!manualPaymentsEnabled(env())) throw new ClientError('Manual payments are switched off here.', 404)
    // Read as the caller: another website's or another client's payment does not exist for them.
    const { doc: payment, actor, tenant } = await visibleDoc(req, 'payments', routeId(req))
    if (idOf(payment.client) !== actor.id && !adminOf(actor, tenant)) throw new ClientError('Only the payer or an admin confirms a payment.', 403)
    if (payment.provider !== 'manual') throw new ClientError(`A ${payment.provider} payment is confirmed by its provider.`, 409)
    return sendAnswer(await withIdempotency(req, `payments.confirm.${payment.id}`, {}, async () => ({ status: 200, body: await settlePayment(req, payment.id) })))
  },
}
