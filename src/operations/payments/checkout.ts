import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { actorOf, idOf } from '@/access/actor'
import { PAYMENT_EXPIRY_MINUTES, PAYMENT_PROVIDERS, TOP_UP_MAX, TOP_UP_MIN } from '@/domain/payments/types'
import { execute, sql } from '@/db/execute'
import { env, manualPaymentsEnabled } from '@/env'
import { ClientError } from '@/errors'
import type { Order, Payment, Tip } from '@/payload-types'

import { inTransaction } from '../inTransaction'
import { resolveTenant } from '../resolveTenant'
import { toValidationError } from '../toValidationError'

import { settlePayment } from './settlePayment'
import { createTip } from './tips'
import { stripeClient } from './stripeClient'

const orderId = z.number({ error: 'The id of your order.' }).int().positive()
const provider = z.enum(PAYMENT_PROVIDERS, { error: `One of ${PAYMENT_PROVIDERS.join(', ')}.` })

const body = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('order'), order: orderId, provider }),
  z.object({
    purpose: z.literal('wallet_top_up'),
    amount: z.number({ error: 'Cents.' }).int('Whole cents.').min(TOP_UP_MIN, `At least ${TOP_UP_MIN} cents.`).max(TOP_UP_MAX, `At most ${TOP_UP_MAX} cents.`),
    provider: z.enum(['stripe', 'manual'], { error: 'One of stripe, manual (a wallet is not topped up from itself).' }),
  }),
  z.object({
    purpose: z.literal('tip'),
    order: orderId,
    amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
    provider,
    message: z.string({ error: 'Text.' }).trim().max(500, 'At most 500 characters.').optional(),
  }),
], { error: 'One of order, wallet_top_up, tip (invoices and installments come with their feature).' })

export type CheckoutAnswer = { payment: Payment; checkoutUrl?: string | null }

const newReference = () => `pay_${randomBytes(12).toString('hex')}`

const productName = (purpose: 'order' | 'wallet_top_up' | 'tip', order: number | null) =>
  purpose === 'order' ? `Order ${order}` : purpose === 'tip' ? `Tip for the writer of order ${order}` : 'Wallet top-up'

/**
 * One of the caller's orders on the website, under its row lock. The lock comes before
 * the payment row that references the order: concurrent checkouts of one order then
 * queue here instead of deadlocking on the reference's key lock.
 */
const lockClientOrder = async (req: PayloadRequest, tenant: number, client: number, id: number): Promise<Order> => {
  await execute(req, sql`SELECT id FROM orders WHERE id = ${id} AND tenant_id = ${tenant} FOR UPDATE`)
  const { docs } = await req.payload.find({ collection: 'orders', where: { and: [{ id: { equals: id } }, { tenant: { equals: tenant } }, { client: { equals: client } }] }, depth: 0, limit: 1, overrideAccess: true, req })
  if (!docs[0]) throw new ClientError(`order: there is no order ${id} of yours here.`, 404, { field: 'order' })
  return docs[0]
}

/**
 * POST /api/payments/checkout: a client pays one of their orders, or tops up their
 * wallet, on the request's website. The wallet provider pays at once (422 with the
 * shortfall when the wallet cannot); `manual` waits for /confirm; `stripe` answers a
 * Checkout URL and waits for the webhook. Everything, payment row included, is one
 * transaction: a refusal writes nothing.
 */
export const checkout = async (req: PayloadRequest, raw: unknown): Promise<CheckoutAnswer> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in to pay.', 401)
  const parsed = body.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'payments', req)
  const input = parsed.data
  const { tenant } = await resolveTenant(req)
  if (!tenant || !actor.tenantIds.includes(tenant.id)) throw new ClientError('Pay on your own website.', 403)
  if (input.provider === 'manual' && !manualPaymentsEnabled(env())) throw new ClientError('provider: manual payments are switched off here.', 400, { field: 'provider' })
  const stripe = input.provider === 'stripe' ? stripeClient() : null
  if (input.provider === 'stripe' && !stripe) throw new ClientError('provider: card payments are not configured on this server.', 400, { field: 'provider' })

  const created = await inTransaction(req, async () => {
    let amount: number
    let order: Order | null = null
    let tip: Tip | null = null
    if (input.purpose === 'wallet_top_up') amount = input.amount
    else {
      order = await lockClientOrder(req, tenant.id, actor.id, input.order)
      if (input.purpose === 'order') {
        amount = order.total - order.amountPaid
        if (amount <= 0) throw new ClientError('order: nothing is owed on this order.', 422, { field: 'order' })
      } else {
        tip = await createTip(req, tenant, order, input)
        amount = tip.amount
      }
    }
    const payment = await req.payload.create({
      collection: 'payments',
      data: { tenant: tenant.id, client: actor.id, reference: newReference(), purpose: input.purpose, provider: input.provider, status: 'pending', amount, currency: tenant.currency ?? 'USD', order: order?.id ?? null, tip: tip?.id ?? null },
      depth: 0,
      overrideAccess: true,
      req,
    })
    // The wallet pays in the same transaction: too little in it, and not even the payment row remains.
    return input.provider === 'wallet' ? (await settlePayment(req, payment.id)).payment : payment
  })

  if (input.provider !== 'stripe') return { payment: created }

  // Stripe: the session is created after the payment row commits, so its reference exists
  // whatever the webhook's timing.
  const base = env().SERVER_URL ?? 'http://localhost:3000'
  const session = await stripe!.checkout.sessions.create({
    mode: 'payment',
    client_reference_id: created.reference,
    metadata: { reference: created.reference, tenant: String(tenant.id) },
    payment_intent_data: { metadata: { reference: created.reference } },
    line_items: [{ quantity: 1, price_data: { currency: created.currency.toLowerCase(), unit_amount: created.amount, product_data: { name: productName(input.purpose, idOf(created.order)) } } }],
    // Stripe's shortest session (30 min, plus a minute of slack): the card page closes when our payment expires.
    expires_at: Math.floor(Date.now() / 1000) + (PAYMENT_EXPIRY_MINUTES + 1) * 60,
    success_url: `${base}/pay/done?reference=${created.reference}`,
    cancel_url: `${base}/pay/cancelled?reference=${created.reference}`,
  })
  const payment = await req.payload.update({ collection: 'payments', id: created.id, data: { checkoutUrl: session.url, providerSession: session.id }, depth: 0, overrideAccess: true, req })
  return { payment, checkoutUrl: session.url }
}
