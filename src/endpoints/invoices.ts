import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { recordId } from '@/domain/recordId'

import { invoicePdf } from '@/operations/documents/documentPdf'
import { billingStaff, createDraft } from '@/operations/invoices/manage'
import { toValidationError } from '@/operations/toValidationError'

import { pdfEndpoint } from './documentPdf'
import { aliasDoc } from './aliasDoc'
import { payLinkEndpoints } from './invoicePayLink'
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
  discountCode: z.string({ error: 'Text: a discount code.' }).trim().max(64, 'At most 64 characters.').optional().describe('A discount code for the client (case does not matter). An invoice gets no automatic discount (first order, loyalty tier and referral discounts are on orders).'),
})

const parse = <T>(schema: z.ZodType<T>, raw: unknown, req: PayloadRequest): T => {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'invoices', req)
  return parsed.data
}

/** POST /api/invoices/drafts `{ client, title?, dueAt?, lines[], installments?, discountCode? }` (admins, support) → 201 `{ invoice, installments }`. */
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
      'Admins and support of the request’s website bill one of its clients: lines (`quantity` × `unitAmount` cents, priced on the server), a due date, optionally a discount code, and optionally a plan of at least two installments that adds up to the total after the discount and falls due in order, the last no later than the invoice. The invoice keeps `subtotal`, `discount` and `total` (what the client owes) with a snapshot of the discount; its usage is held until the invoice is paid or closed. The invoice is numbered per website and stays a draft until issued (`POST /api/invoices/{id}/issue`).',
      '**400** naming each bad field (a total of 0 or over the card processor’s limit names `lines`; a client not of this website names `client`), **403** for other roles, **404** when the caller is not a member of the request’s website, **422** when the code does not apply (`data.rule`: `unknown_code`, `expired`, `exhausted`, `per_client_limit`, …); nothing is written then.',
    ].join('\n\n'),
    auth: 'required',
    body: draftBody,
    responses: { 201: z.object({ invoice: docOf('invoices'), installments: z.array(docOf('installments')) }) },
    errors: [400, 401, 403, 404, 422],
  },
)

const invoiceWithLink = z.object({ invoice: docOf('invoices'), payUrl: z.string().describe('The public pay link, shown once: only its hash is kept.') })

export const invoiceEndpoints: Endpoint[] = [
  createDraftEndpoint,
  ...payLinkEndpoints,
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
