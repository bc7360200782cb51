import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { z } from 'zod'

import { actorOf } from '@/access/actor'
import { AWAITING_PAYMENT, closedToPayment } from '@/domain/orders/payment'
import { checkoutRefusal } from '@/domain/payments/checkoutRoles'
import { recordId } from '@/domain/recordId'
import { PAYMENT_EXPIRY_MINUTES, PAYMENT_PROVIDERS, TOP_UP_MAX, TOP_UP_MIN } from '@/domain/payments/types'
import { lockRow } from '@/db/locks'
import { env } from '@/env'
import { ClientError, ProviderError, refuseField } from '@/errors'
import { asSystem, proofOf } from '@/access/system'
import type { DiscountUsage, Order, Payment, Tenant } from '@/payload-types'

import { discountOrder, linkUsagePayment } from '../discounts/usages'
import { inTransaction } from '../inTransaction'
import { lockInvoiceDebt } from '../invoices/owed'
import { milestoneInstallment } from '../specialOrders/milestoneDebt'
import { ownWebsite } from '../gate'
import { refuseWhileImpersonating } from '../sessions/impersonating'
import { toValidationError } from '../toValidationError'

import { manualPaymentsOnWebsite } from './manualSwitch'
import { failPayment, settlePayment } from './settlePayment'
import { stripeClient } from './stripeClient'
import { createTip } from './tips'
import { refuseWithoutWallet } from './walletSwitch'

const idOfYour = (what: string) => recordId(`your ${what}`)
const provider = z.enum(PAYMENT_PROVIDERS, { error: `One of ${PAYMENT_PROVIDERS.join(', ')}.` })
const discountCode = z
  .string({ error: 'Text: a discount code.' })
  .trim()
  .max(64, 'At most 64 characters.')
  .optional()
  .describe('A discount code (case does not matter). One that does not apply is a 422 whose `data.rule` says why; nothing is paid then.')

/** What `POST /api/payments/checkout` takes, by purpose (documented from this schema). */
export const checkoutInput = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('order'), order: idOfYour('order'), provider, discountCode }),
  // What is still owed on the invoice, or on one of its installments.
  z.object({ purpose: z.literal('invoice'), invoice: idOfYour('invoice'), provider, discountCode }),
  z.object({ purpose: z.literal('installment'), installment: idOfYour('installment'), provider, discountCode }),
  // One milestone of a special order's plan: exactly the installment of the plan invoice it is paid through.
  z.object({ purpose: z.literal('special_order_milestone'), milestone: idOfYour('special order milestone'), provider }),
  z.object({
    purpose: z.literal('wallet_top_up'),
    amount: z.number({ error: 'Cents.' }).int('Whole cents.').min(TOP_UP_MIN, `At least ${TOP_UP_MIN} cents.`).max(TOP_UP_MAX, `At most ${TOP_UP_MAX} cents.`),
    provider: z.enum(['stripe', 'manual'], { error: 'One of stripe, manual (a wallet is not topped up from itself).' }),
  }),
  z.object({
    purpose: z.literal('tip'),
    order: idOfYour('order'),
    amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
    provider,
    message: z.string({ error: 'Text.' }).trim().max(500, 'At most 500 characters.').optional(),
  }),
], { error: 'One of order, invoice, installment, special_order_milestone, wallet_top_up, tip.' })

export type CheckoutInput = z.infer<typeof checkoutInput>

export type CheckoutAnswer = { payment: Payment; checkoutUrl?: string | null }

const newReference = () => `pay_${randomBytes(12).toString('hex')}`

/**
 * One of the payer's orders on the website, under its row lock. The lock comes before
 * the payment row that references the order: concurrent checkouts of one order then
 * queue here instead of deadlocking on the reference's key lock.
 */
const lockPayerOrder = async (req: PayloadRequest, tenant: number, payer: number, id: number): Promise<Order> => {
  await lockRow(req, 'orders', id, { tenant })
  const { docs } = await req.payload.find({ collection: 'orders', where: { and: [{ id: { equals: id } }, { tenant: { equals: tenant } }, { client: { equals: payer } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  if (!docs[0]) throw new ClientError(`order: there is no order ${id} of yours here.`, 404, { field: 'order' })
  return docs[0]
}

type Debt = { amount: number; label: string; links: Pick<Payment, 'order' | 'invoice' | 'installment' | 'tip'>; usage?: DiscountUsage | null }

/** What the payment is for and how much, with its subject locked (refusals name the field). */
const debtOf = async (req: PayloadRequest, tenant: Tenant, payer: number, input: CheckoutInput): Promise<Debt> => {
  if (input.purpose === 'wallet_top_up') return { amount: input.amount, label: 'Wallet top-up', links: {} }
  if (input.purpose === 'invoice' || input.purpose === 'installment') {
    const debt = await lockInvoiceDebt(req, tenant, payer, input)
    return { amount: debt.amount, label: debt.label, links: debt.links }
  }
  if (input.purpose === 'special_order_milestone') {
    const installment = await milestoneInstallment(req, tenant.id, payer, input.milestone)
    const debt = await lockInvoiceDebt(req, tenant, payer, { purpose: 'installment', installment })
    return { amount: debt.amount, label: debt.label, links: debt.links }
  }
  const order = await lockPayerOrder(req, tenant.id, payer, input.order)
  if (input.purpose === 'tip') {
    const tip = await createTip(req, tenant, order, input)
    return { amount: tip.amount, label: `Tip for the writer of order ${order.id}`, links: { order: order.id, tip: tip.id } }
  }
  if (!AWAITING_PAYMENT.includes(order.status)) throw new ClientError(closedToPayment(order.status) ?? `order: a ${order.status} order is paid already.`, 422, { field: 'order' })
  // The discount is settled before the payment row: the payment is for what is owed after it.
  const discounted = await discountOrder(req, tenant, order, input.discountCode)
  const owed = discounted.order.total - discounted.order.amountPaid
  if (owed <= 0) throw new ClientError('order: nothing is owed on this order.', 422, { field: 'order' })
  return { amount: owed, label: `Order ${order.id}`, links: { order: order.id }, usage: discounted.usage }
}

/**
 * POST /api/payments/checkout: a client pays one of their orders, invoices or
 * installments, tips a writer, or tops up their wallet, on the request's website. The
 * wallet provider pays at once (422 with the shortfall when the wallet cannot); `manual`
 * waits for /confirm; `stripe` answers a Checkout URL and waits for the webhook.
 * Everything, payment row included, is one transaction: a refusal writes nothing.
 */
export const checkout = async (req: PayloadRequest, raw: unknown): Promise<CheckoutAnswer> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in to pay.', 401)
  const parsed = checkoutInput.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'payments', req)
  const money = parsed.data.purpose === 'tip' ? 'tip' : parsed.data.purpose === 'wallet_top_up' ? 'wallet top-up' : parsed.data.provider === 'wallet' ? 'wallet payment' : null
  if (money) refuseWhileImpersonating(req, money)
  // Each purpose names who pays it: a writer's, support's or editor's top-up is refused here, before anything is written.
  const refusal = checkoutRefusal(parsed.data.purpose, actor.roles)
  if (refusal) throw refuseField('payments', 'purpose', refusal, 403)
  // Whatever is paid is looked up among the payer's own on this website (their orders, invoices, wallet).
  const tenant = await ownWebsite(req, actor, 'Pay on your own website.')
  return startPayment(req, tenant, actor.id, parsed.data)
}

/**
 * Creates (and for the wallet, settles) a payment by `payer` on `tenant`: checkout's
 * work once the payer is known; the public pay link of an invoice comes in here too,
 * paying for the invoice's client.
 */
export const startPayment = async (req: PayloadRequest, tenant: Tenant, payer: number, input: CheckoutInput): Promise<CheckoutAnswer> => {
  // A website without a wallet (`allowWallet` off) takes no payment from one (tips
  // included) and no top-up of one: 422 naming the field, before anything is written.
  if (input.provider === 'wallet') await refuseWithoutWallet(req, tenant, 'provider')
  if (input.purpose === 'wallet_top_up') await refuseWithoutWallet(req, tenant, 'purpose')
  if (input.provider === 'manual' && !manualPaymentsOnWebsite(tenant)) throw refuseField('payments', 'provider', 'provider: manual payments are switched off on this website.', 400)
  const stripe = input.provider === 'stripe' ? stripeClient() : null
  if (input.provider === 'stripe' && !stripe) throw new ClientError('provider: card payments are not configured on this server.', 400, { field: 'provider' })

  let productName = ''
  const created = await inTransaction(req, async () => {
    const debt = await debtOf(req, tenant, payer, input)
    productName = debt.label
    const payment = await req.payload.create({
      collection: 'payments',
      data: { tenant: tenant.id, client: payer, reference: newReference(), purpose: input.purpose, provider: input.provider, status: 'pending', amount: debt.amount, currency: tenant.currency ?? 'USD', ...debt.links },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    // A held usage follows its latest payment: that payment's success applies it, its failure releases it.
    if (debt.usage?.status === 'held') await linkUsagePayment(req, debt.usage, payment.id)
    // The wallet pays in the same transaction: too little in it, and not even the payment row remains.
    return input.provider === 'wallet' ? (await settlePayment(req, payment.id)).payment : payment
  })

  if (input.provider !== 'stripe') return { payment: created }

  // Stripe: the session is created after the payment row commits, so its reference exists
  // whatever the webhook's timing.
  const base = env().SERVER_URL ?? 'http://localhost:3000'
  let session: Stripe.Checkout.Session
  try {
    session = await stripe!.checkout.sessions.create({
      mode: 'payment',
      client_reference_id: created.reference,
      metadata: { reference: created.reference, tenant: String(tenant.id) },
      payment_intent_data: { metadata: { reference: created.reference } },
      line_items: [{ quantity: 1, price_data: { currency: created.currency.toLowerCase(), unit_amount: created.amount, product_data: { name: productName } } }],
      // Stripe's shortest session (30 min, plus a minute of slack): the card page closes when our payment expires.
      expires_at: Math.floor(Date.now() / 1000) + (PAYMENT_EXPIRY_MINUTES + 1) * 60,
      success_url: `${base}/pay/done?reference=${created.reference}`,
      cancel_url: `${base}/pay/cancelled?reference=${created.reference}`,
    })
  } catch (error) {
    // No card page: the payment fails now rather than waiting pending for its expiry (a tip with it).
    const reason = `Stripe refused the checkout: ${error instanceof Error ? error.message : String(error)}`
    await failPayment(req, created.id, 'failed', reason)
    throw new ProviderError(reason)
  }
  const payment = await req.payload.update({ collection: 'payments', id: created.id, data: { checkoutUrl: session.url, providerSession: session.id }, depth: 0, ...asSystem(proofOf(req)), req })
  return { payment, checkoutUrl: session.url }
}
