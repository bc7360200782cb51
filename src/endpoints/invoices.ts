import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { docOf, documented, schemas } from '@/api/openapi/describe'
import { INSTALLMENT_STATUSES, INVOICE_STATUSES } from '@/domain/invoices/totals'
import { PAYMENT_PROVIDERS, PAYMENT_PURPOSES, PAYMENT_STATUSES } from '@/domain/payments/types'
import { recordId } from '@/domain/recordId'
import { ClientError } from '@/errors'

import { invoicePdf } from '@/operations/documents/documentPdf'
import { billingStaff, createDraft } from '@/operations/invoices/manage'
import { PAY_LINK_NOT_FOUND, payByLink, payLinkSummary } from '@/operations/invoices/payLink'
import { PAY_TOKEN_PATTERN } from '@/operations/invoices/payToken'
import { publicRequest } from '@/operations/gate'
import { toValidationError } from '@/operations/toValidationError'
import { clientIp, consume } from '@/security/rateLimits'

import { pdfEndpoint } from './documentPdf'
import { aliasDoc } from './aliasDoc'
import { readJsonBody } from './readJsonBody'
import { actionAlias, workflowEndpoints } from './workflowActions'

const cents = (what: string) => z.number({ error: `${what}: cents.` }).int('Whole cents.')
const isoDate = z.iso.datetime({ offset: true, error: 'An ISO date-time such as 2026-12-01T12:00:00Z.' })

const draftBody = z.object({
  client: recordId('a client of this website'),
  title: z.string().trim().max(200).optional(),
  dueAt: isoDate.optional(),
  lines: z
    .array(
      z.object({
        description: z.string({ error: 'Required.' }).trim().min(1, 'Required.').max(500),
        quantity: z.number({ error: 'A whole number.' }).int('A whole number.').min(1, 'At least 1.').max(10_000),
        unitAmount: cents('unitAmount').min(0, 'Not negative.').max(100_000_000),
      }),
      { error: 'A list of lines.' },
    )
    .min(1, 'At least one line.')
    .max(100),
  installments: z.array(z.object({ amount: cents('amount').positive('More than 0.'), dueAt: isoDate }), { error: 'A list of installments.' }).min(2, 'At least two installments, or none.').max(24).optional(),
})

const parse = <T>(schema: z.ZodType<T>, raw: unknown, req: PayloadRequest): T => {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'invoices', req)
  return parsed.data
}

/** POST /api/invoices/drafts `{ client, title?, dueAt?, lines[], installments? }` (admins, support) → 201 `{ invoice, installments }`. */
const createDraftEndpoint: Endpoint = documented(
  {
    path: '/drafts',
    method: 'post',
    handler: async (req) => {
      const raw = await readJsonBody(req)
      await billingStaff(req) // who may bill (401, 404, 403) before what they sent (400)
      return Response.json(await createDraft(req, parse(draftBody, raw, req)), { status: 201 })
    },
  },
  {
    summary: 'Draft an invoice',
    description: [
      'Admins and support of the request’s website bill one of its clients: lines (`quantity` × `unitAmount` cents, priced on the server), a due date, and optionally a plan of at least two installments that adds up to the total and falls due in order, the last no later than the invoice. The invoice is numbered per website and stays a draft until issued (`POST /api/invoices/{id}/issue`).',
      '**400** naming each bad field (a total of 0 or over the card processor’s limit names `lines`; a client not of this website names `client`), **403** for other roles, **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    auth: 'required',
    body: draftBody,
    responses: { 201: z.object({ invoice: docOf('invoices'), installments: z.array(docOf('installments')) }) },
    errors: [400, 401, 403, 404],
  },
)

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
const paySummaryEndpoint: Endpoint = documented(
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
const payEndpoint: Endpoint = documented(
  {
    path: '/pay/:token',
    method: 'post',
    handler: async (req) => {
      await limited(req)
      const token = tokenOf(req)
      const body = parse(payBody, await readJsonBody(req), req)
      return Response.json(await payByLink(req, token, body), { status: 201 })
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

const invoiceWithLink = z.object({ invoice: docOf('invoices'), payUrl: z.string().describe('The public pay link, shown once: only its hash is kept.') })

export const invoiceEndpoints: Endpoint[] = [
  createDraftEndpoint,
  paySummaryEndpoint,
  payEndpoint,
  ...workflowEndpoints('invoices'),
  // Older routes, thin aliases of the actions (admins, support of the invoice's website).
  documented(
    actionAlias('invoices', 'issue', 'issue', ({ doc, payUrl }) => ({ invoice: doc, payUrl })),
    aliasDoc('invoices', 'issue', {
      summary: 'Issue a draft invoice',
      description:
        'Admins and support of the invoice’s website issue a draft: it becomes `issued`, the client is told, and the answer carries the public pay link (`payUrl`, shown once). The `issue` action of `POST /api/invoices/{id}/actions/{action}`. **409** unless it is a draft, **422** when its due date has passed.',
      responses: { 200: invoiceWithLink },
    }),
  ),
  documented(
    actionAlias('invoices', 'pay-link', 'payLink', ({ doc, payUrl }) => ({ invoice: doc, payUrl })),
    aliasDoc('invoices', 'payLink', {
      summary: 'A new pay link for an invoice',
      description:
        'Admins and support of the invoice’s website replace the pay link of an issued or partially paid invoice (the old one stops working), when it leaked or lapsed. The `payLink` action. **409** in any other status.',
      responses: { 200: invoiceWithLink },
    }),
  ),
  documented(
    actionAlias('invoices', 'cancel', 'cancel', ({ doc }) => ({ invoice: doc })),
    aliasDoc('invoices', 'cancel', {
      summary: 'Cancel an invoice',
      description:
        'Admins and support of the invoice’s website cancel a draft or issued invoice, with an optional reason; its pay link dies. The `cancel` action. **409** in any other status, **422** once money was paid on it (refund instead).',
      responses: { 200: z.object({ invoice: docOf('invoices') }) },
    }),
  ),
  pdfEndpoint('invoices', invoicePdf),
]
