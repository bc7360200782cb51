import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { INSTALLMENT_STATUSES, INVOICE_STATUSES } from '@/domain/invoices/totals'
import { PAYMENT_PROVIDERS, PAYMENT_PURPOSES, PAYMENT_STATUSES } from '@/domain/payments/types'
import { recordId } from '@/domain/recordId'
import { ClientError } from '@/errors'
import { publicRequest } from '@/operations/gate'
import { PAY_LINK_NOT_FOUND, payByLink, payLinkSummary } from '@/operations/invoices/payLink'
import { PAY_TOKEN_PATTERN } from '@/operations/invoices/payToken'
import { toValidationError } from '@/operations/toValidationError'
import { clientIp, consume } from '@/security/rateLimits'

import { readJsonBody } from './readJsonBody'

/** An invoice's public pay link: `GET|POST /api/invoices/pay/:token`, no login, the token standing for the client. */

const limited = async (req: PayloadRequest) => {
  // The pay link is public: the token stands for the invoice's client.
  const { tenant } = await publicRequest(req, 'pay link')
  await consume(req, tenant, 'invoicePayPerIpPerMinute', clientIp(req))
}

const payBody = z.object({
  provider: z.enum(['stripe', 'manual'], { error: 'One of stripe, manual.' }),
  installment: recordId("one of the invoice's installments").optional(),
})

/** The pay link's path: a token that cannot be one names no invoice (404, the answer of any dead link). */
const payLinkParams = z.object({ token: z.string().regex(PAY_TOKEN_PATTERN).describe('The token of the pay link (`payUrl` ends with it).') })

const tokenOf = (req: PayloadRequest): string => {
  const parsed = payLinkParams.safeParse(req.routeParams ?? {})
  if (!parsed.success) throw new ClientError(PAY_LINK_NOT_FOUND, 404)
  return parsed.data.token
}

const PAY_LINK_RULES =
  'Nobody signs in: the token stands for the invoice’s client. An unknown, replaced or expired token, a draft, cancelled or expired invoice, and a token shown on another website’s host all answer the same **404**. At most a few requests per address a minute (**429** with `Retry-After`).'

const paySummary = z.object({
  number: z.string(),
  website: z.string(),
  title: z.string().nullable(),
  status: z.enum(INVOICE_STATUSES),
  currency: schemas.currency,
  lines: z.array(z.object({ description: z.string(), quantity: z.number().int(), unitAmount: schemas.minor, amount: schemas.minor })),
  total: schemas.minor,
  amountPaid: schemas.minor,
  amountDue: schemas.minor,
  dueAt: schemas.isoDate,
  installments: z.array(z.object({ id: z.number().int(), sequence: z.number().int(), amount: schemas.minor, amountPaid: schemas.minor, dueAt: schemas.isoDate, status: z.enum(INSTALLMENT_STATUSES) })),
})

/** GET /api/invoices/pay/:token (no login) → the invoice's public summary; unknown or expired → 404. */
export const paySummaryEndpoint: Endpoint = documented(
  {
    path: '/pay/:token',
    method: 'get',
    handler: async (req) => {
      await limited(req)
      return Response.json(await payLinkSummary(req, tokenOf(req)))
    },
  },
  {
    summary: 'What a pay link asks for',
    description: `The invoice behind a pay link as its pay page shows it: number, website, lines, what is paid and due, and the installments. Nothing about the client, nothing internal.\n\n${PAY_LINK_RULES}`,
    auth: 'none',
    params: payLinkParams,
    responses: { 200: paySummary },
    errors: [404, 429],
  },
)

/** POST /api/invoices/pay/:token `{ provider, installment? }` (no login) → 201 `{ payment, checkoutUrl? }`. */
export const payEndpoint: Endpoint = documented(
  {
    path: '/pay/:token',
    method: 'post',
    handler: async (req) => {
      await limited(req)
      const token = tokenOf(req)
      const parsed = payBody.safeParse(await readJsonBody(req))
      if (!parsed.success) throw toValidationError(parsed.error, 'invoices', req)
      return Response.json(await payByLink(req, token, parsed.data), { status: 201 })
    },
  },
  {
    summary: 'Pay through a pay link',
    description: [
      'Starts a payment of what is still owed on the invoice, or on one of its installments, for the invoice’s client: `stripe` answers a `checkoutUrl` to send the payer to, `manual` waits for an admin’s confirmation. The wallet is not offered (nobody is signed in).',
      `${PAY_LINK_RULES} **404** naming \`installment\` for an installment of another invoice, **422** when nothing is owed, **400** naming \`provider\` when it is switched off here, **502** when Stripe refuses.`,
    ].join('\n\n'),
    auth: 'none',
    params: payLinkParams,
    body: payBody,
    responses: {
      201: z.object({
        payment: z.object({ id: z.number().int(), reference: z.string(), purpose: z.enum(PAYMENT_PURPOSES), provider: z.enum(PAYMENT_PROVIDERS), status: z.enum(PAYMENT_STATUSES), amount: schemas.minor, currency: schemas.currency }),
        checkoutUrl: z.string().nullable().optional().describe('Stripe’s Checkout page (provider `stripe`).'),
      }),
    },
    errors: [400, 404, 409, 422, 429, 502],
  },
)

export const payLinkEndpoints: Endpoint[] = [paySummaryEndpoint, payEndpoint]
