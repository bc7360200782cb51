import { APIError, type PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { env } from '@/env'
import { ClientError } from '@/errors'
import { asSystem, proofOf, systemRequest } from '@/access/system'

import { verifiedWebhook } from '../gate'
import { inTransaction } from '../inTransaction'
import { providerRefundUpdate } from '../money/refundOrder'

import { failPayment, settlePayment } from './settlePayment'
import { stripeClient } from './stripeClient'

/** The payment reference a Stripe object carries (our `pay_…`). */
const referenceOf = (object: { client_reference_id?: string | null; metadata?: Record<string, string> | null }): string | null =>
  object.client_reference_id ?? object.metadata?.reference ?? null

/**
 * POST /api/payments/webhooks/stripe: verifies the signature over the raw body (400 and
 * nothing written when it fails or is stale), records the event id once (a replay
 * answers 200 and does nothing), and settles or fails the payment it names (or updates
 * the card refund it names), all in one transaction.
 */
export const handleStripeWebhook = async (req: PayloadRequest, rawBody: string): Promise<{ received: true; duplicate?: true; ignored?: true }> => {
  const stripe = stripeClient()
  const secret = env().STRIPE_WEBHOOK_SECRET
  if (!stripe || !secret) throw new ClientError('Stripe is not configured here.', 404)
  const signature = req.headers.get('stripe-signature')
  if (!signature) throw new ClientError('Missing Stripe-Signature header.', 400)
  const event: Stripe.Event = verifiedWebhook(req, 'stripe', () => {
    try {
      return stripe.webhooks.constructEvent(rawBody, signature, secret, 300)
    } catch (error) {
      throw new ClientError(`Invalid signature: ${(error as Error).message}`, 400)
    }
  })

  // Verified: from here the platform acts on Stripe's word, not the anonymous caller.
  const system = await systemRequest(req.payload, proofOf(req))
  return inTransaction(system, async () => {
    const fresh = await execute<{ id: number }>(
      system,
      sql`INSERT INTO provider_events (provider, event_id, type, updated_at, created_at) VALUES ('stripe', ${event.id}, ${event.type}, now(), now())
          ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
    )
    if (!fresh[0]) return { received: true as const, duplicate: true as const }
    if (event.type === 'refund.updated' || event.type === 'refund.failed' || event.type === 'charge.refund.updated') {
      const refund = event.data.object as { id: string; status?: string | null; metadata?: Record<string, string> | null }
      if (await providerRefundUpdate(system, refund.id, refund.status ?? '')) return { received: true as const }
      // One of ours whose row has not committed yet (the refund's transaction is still
      // open): 503, so the event is not recorded and Stripe delivers it again later.
      if (refund.metadata?.reference?.startsWith('refund:')) throw new APIError(`The refund ${refund.id} is not recorded yet; deliver the event again later.`, 503, null, true)
      return { received: true as const, ignored: true as const }
    }
    const object = event.data.object as {
      id?: string
      object?: string
      client_reference_id?: string | null
      metadata?: Record<string, string> | null
      payment_status?: string
      payment_intent?: string | { id: string } | null
      last_payment_error?: { message?: string } | null
    }
    const reference = referenceOf(object)
    const { docs } = reference ? await req.payload.find({ collection: 'payments', where: { reference: { equals: reference } }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(system)), req: system }) : { docs: [] }
    const payment = docs[0]
    if (!payment) return { received: true as const, ignored: true as const }
    // The payment's row lock first: linking the event takes a key-share lock on the
    // payment, and two deliveries holding that while waiting for the update lock would
    // deadlock each other.
    await lockRow(system, 'payments', payment.id)
    await execute(system, sql`UPDATE provider_events SET payment_id = ${payment.id} WHERE id = ${fresh[0].id}`)
    // The charge's id at Stripe, which a card refund names later.
    const intent = object.object === 'payment_intent' ? object.id : typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id
    if (intent) await execute(system, sql`UPDATE payments SET provider_payment_intent = ${intent} WHERE id = ${payment.id} AND provider_payment_intent IS NULL`)

    if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
      if (object.payment_status === 'paid') await settlePayment(system, payment.id)
    } else if (event.type === 'payment_intent.succeeded') {
      await settlePayment(system, payment.id)
    } else if (event.type === 'payment_intent.payment_failed' || event.type === 'checkout.session.async_payment_failed') {
      await failPayment(system, payment.id, 'failed', object.last_payment_error?.message ?? 'The payment failed.')
    } else if (event.type === 'checkout.session.expired') {
      await failPayment(system, payment.id, 'expired', 'The checkout session expired.')
    } else return { received: true as const, ignored: true as const }
    return { received: true as const }
  })
}
