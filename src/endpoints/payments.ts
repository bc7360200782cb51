import type { Endpoint } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { confirmManualPayment } from '@/operations/payments/confirmManualPayment'
import { checkoutInput } from '@/operations/payments/checkout'
import { checkoutOnce } from '@/operations/payments/checkoutOnce'
import { idempotencyHeader } from '@/operations/payments/idempotency'
import { handleStripeWebhook } from '@/operations/payments/stripeWebhook'

import { moneyPost } from './moneyPost'
import { readJsonBody } from './readJsonBody'
import { idParams, routeId } from './routeId'
import { sendAnswer } from './sendAnswer'

/** What checkout answers: the payment, and for Stripe the card page to send the payer to. */
export const checkoutAnswer = z.object({
  payment: docOf('payments'),
  checkoutUrl: z.string().nullable().optional().describe('Stripe’s Checkout page (provider `stripe`); absent for the wallet and manual providers.'),
})

/** POST /api/payments/checkout `{ purpose, order? | amount?, provider }` (Idempotency-Key honoured) → `{ payment, checkoutUrl? }`. */
export const checkoutEndpoint: Endpoint = documented(
  {
    path: '/checkout',
    method: 'post',
    handler: async (req) => {
      const body = await readJsonBody(req)
      return sendAnswer(await checkoutOnce(req, idempotencyHeader(req), body))
    },
  },
  {
    summary: 'Pay: an order, an invoice, an installment, a tip or a wallet top-up',
    description: [
      'A client pays on their own website, by `purpose`: one of their orders (what is still owed), invoices or installments, a tip for the writer of one of their orders, or a top-up of their wallet.',
      'Providers: `wallet` pays at once from the client’s wallet (**422** with `data.shortfall` when it holds too little; never for a top-up), `manual` waits for an admin’s confirmation (`POST /api/payments/{id}/confirm`; switched per website), `stripe` answers a `checkoutUrl` to send the client to, and the payment succeeds on Stripe’s webhook. An unpaid payment expires after 30 minutes.',
      'Refusals: **403** naming `purpose` for anyone but a client (each purpose names who pays it) or on another website, **404** naming the order, invoice or installment when it is not theirs, **422** when nothing is owed or the order cannot be paid now, **422** naming `provider` (`wallet`) or `purpose` (`wallet_top_up`) with `data.rule` `wallet_off` on a website that does not offer a wallet (`features.allowWallet` of `GET /api/tenants/current`), **400** naming `provider` when the provider is switched off here, **502** when Stripe refuses. A refusal writes nothing. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    auth: 'required',
    body: checkoutInput,
    idempotent: true,
    responses: { 201: checkoutAnswer },
    errors: [400, 401, 403, 404, 409, 422, 502],
  },
)

/** POST /api/payments/webhooks/stripe: Stripe's events, verified over the raw body. */
export const stripeWebhookEndpoint: Endpoint = documented(
  {
    path: '/webhooks/stripe',
    method: 'post',
    handler: async (req) => Response.json(await handleStripeWebhook(req, req.text ? await req.text() : '')),
  },
  {
    summary: 'Stripe’s webhook',
    description: [
      'For Stripe only: a Stripe event as Stripe sends it, verified with the `Stripe-Signature` header over the raw body (five minutes’ tolerance). Checkout sessions completed or expired and payment intents succeeded or failed settle or fail their payment, once; refund updates settle or fail card refunds. An event seen before answers `duplicate: true`, one that concerns no payment of ours `ignored: true`.',
      '**400** for a missing or wrong signature, **404** when Stripe is not configured on this server. **503** for a verified refund event of ours whose refund has not committed yet, so that Stripe delivers it again.',
    ].join('\n\n'),
    auth: 'none',
    responses: { 200: z.object({ received: z.literal(true), duplicate: z.literal(true).optional(), ignored: z.literal(true).optional() }) },
    errors: [400, 404, 503],
  },
)

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
export const confirmEndpoint = moneyPost(
  '/:id/confirm',
  'payments',
  confirmBody,
  (req) => `payments.confirm.${routeId(req)}`,
  async (req, input) => ({
    status: 200,
    body: await confirmManualPayment(req, routeId(req), input),
  }),
  {
    summary: 'Confirm a manual payment',
    description: [
      'An admin of the payment’s website (or a superadmin) says the money of a manual payment (bank transfer, cash) arrived, with an optional bank reference and note. It is then applied exactly as a card payment’s success is: once. A second confirmation answers `applied: false` and changes nothing.',
      '**403** for anyone else, and for the payer themselves (even an admin paying for themselves); **404** when the caller cannot see the payment; **409** naming `provider` for a payment of another provider or when the website does not take manual payments; **400** for unknown fields.',
    ].join('\n\n'),
    params: idParams,
    responses: { 200: z.object({ payment: docOf('payments'), applied: z.boolean() }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
)
