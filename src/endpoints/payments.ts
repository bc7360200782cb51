import type { Endpoint, PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { env, manualPaymentsEnabled } from '@/env'
import { ClientError } from '@/errors'
import { checkout } from '@/operations/payments/checkout'
import { withIdempotency } from '@/operations/payments/idempotency'
import { settlePayment } from '@/operations/payments/settlePayment'
import { handleStripeWebhook } from '@/operations/payments/stripeWebhook'

import { readJsonBody } from './readJsonBody'
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

const paymentOf = async (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  if (!Number.isInteger(id)) throw new ClientError('Not Found', 404)
  // Read as the caller: another website's or another client's payment does not exist for them.
  const { docs } = await req.payload.find({ collection: 'payments', where: { id: { equals: id } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
  if (!docs[0]) throw new ClientError('Not Found', 404)
  return { payment: docs[0], actor }
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
    const { payment, actor } = await paymentOf(req)
    const mayConfirm = idOf(payment.client) === actor.id || actor.allTenants || (actor.roles.includes('admin') && actor.tenantIds.includes(idOf(payment.tenant)!))
    if (!mayConfirm) throw new ClientError('Only the payer or an admin confirms a payment.', 403)
    if (payment.provider !== 'manual') throw new ClientError(`A ${payment.provider} payment is confirmed by its provider.`, 409)
    return sendAnswer(await withIdempotency(req, `payments.confirm.${payment.id}`, {}, async () => ({ status: 200, body: await settlePayment(req, payment.id) })))
  },
}
