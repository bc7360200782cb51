import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { recordId } from '@/domain/recordId'

import { invoicePdf } from '@/operations/documents/documentPdf'
import { billingStaff, createDraft } from '@/operations/invoices/manage'
import { payByLink, payLinkSummary } from '@/operations/invoices/payLink'
import { publicRequest } from '@/operations/gate'
import { toValidationError } from '@/operations/toValidationError'
import { clientIp, consume } from '@/security/rateLimits'

import { pdfEndpoint } from './documentPdf'
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
const createDraftEndpoint: Endpoint = {
  path: '/drafts',
  method: 'post',
  handler: async (req) => {
    const raw = await readJsonBody(req)
    await billingStaff(req) // who may bill (401, 404, 403) before what they sent (400)
    return Response.json(await createDraft(req, parse(draftBody, raw, req)), { status: 201 })
  },
}

const limited = async (req: PayloadRequest) => {
  // The pay link is public: the token stands for the invoice's client.
  const { tenant } = await publicRequest(req, 'pay link')
  await consume(req, tenant, 'invoicePayPerIpPerMinute', clientIp(req))
}

const payBody = z.object({
  provider: z.enum(['stripe', 'manual'], { error: 'One of stripe, manual.' }),
  installment: recordId("one of the invoice's installments").optional(),
})

/** GET /api/invoices/pay/:token (no login) → the invoice's public summary; unknown or expired → 404. */
const paySummaryEndpoint: Endpoint = {
  path: '/pay/:token',
  method: 'get',
  handler: async (req) => {
    await limited(req)
    return Response.json(await payLinkSummary(req, String(req.routeParams?.token ?? '')))
  },
}

/** POST /api/invoices/pay/:token `{ provider, installment? }` (no login) → 201 `{ payment, checkoutUrl? }`. */
const payEndpoint: Endpoint = {
  path: '/pay/:token',
  method: 'post',
  handler: async (req) => {
    await limited(req)
    const body = parse(payBody, await readJsonBody(req), req)
    return Response.json(await payByLink(req, String(req.routeParams?.token ?? ''), body), { status: 201 })
  },
}

export const invoiceEndpoints: Endpoint[] = [
  createDraftEndpoint,
  paySummaryEndpoint,
  payEndpoint,
  ...workflowEndpoints('invoices'),
  // Older routes, thin aliases of the actions (admins, support of the invoice's website).
  actionAlias('invoices', 'issue', 'issue', ({ doc, payUrl }) => ({ invoice: doc, payUrl })),
  actionAlias('invoices', 'pay-link', 'payLink', ({ doc, payUrl }) => ({ invoice: doc, payUrl })),
  actionAlias('invoices', 'cancel', 'cancel', ({ doc }) => ({ invoice: doc })),
  pdfEndpoint('invoices', invoicePdf),
]
