import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { ClientError } from '@/errors'
import type { Invoice, Tenant } from '@/payload-types'
import { asSystem, proofOf, systemRequest } from '@/access/system'

import { resolveTenant } from '../resolveTenant'
import { type CheckoutAnswer, startPayment } from '../payments/checkout'

import { hashPayToken, PAY_TOKEN_PATTERN } from './payToken'

export const PAY_LINK_NOT_FOUND = 'This pay link does not exist or has expired.'

/**
 * The invoice a pay link names, or 404, the same answer for an unknown token, an expired
 * or replaced one, a cancelled or expired invoice, and a token presented on another
 * website's host (a request that names no website is answered by the token alone).
 */
const invoiceOfToken = async (req: PayloadRequest, token: string, now: Date): Promise<{ invoice: Invoice; tenant: Tenant }> => {
  if (!PAY_TOKEN_PATTERN.test(token)) throw new ClientError(PAY_LINK_NOT_FOUND, 404)
  const { docs } = await req.payload.find({ collection: 'invoices', where: { payTokenHash: { equals: hashPayToken(token) } }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })
  const invoice = docs[0]
  const live = invoice?.payTokenExpiresAt && new Date(invoice.payTokenExpiresAt) > now && !['draft', 'cancelled', 'expired'].includes(invoice.status)
  if (!invoice || !live) throw new ClientError(PAY_LINK_NOT_FOUND, 404)
  const { tenant: requested } = await resolveTenant(req)
  if (requested && requested.id !== idOf(invoice.tenant)) throw new ClientError(PAY_LINK_NOT_FOUND, 404)
  const tenant = requested ?? (await req.payload.findByID({ collection: 'tenants', id: idOf(invoice.tenant)!, depth: 0, ...asSystem(proofOf(req)), req }))
  return { invoice, tenant }
}

/** What the pay page shows: nothing about the client, nothing internal. */
export const payLinkSummary = async (req: PayloadRequest, token: string, now = new Date()) => {
  const { invoice, tenant } = await invoiceOfToken(req, token, now)
  const { docs } = await req.payload.find({ collection: 'installments', where: { invoice: { equals: invoice.id } }, sort: 'sequence', depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
  return {
    number: invoice.number,
    website: tenant.branding?.brandName || tenant.name,
    title: invoice.title ?? null,
    status: invoice.status,
    currency: invoice.currency,
    lines: invoice.lines.map(({ description, quantity, unitAmount, amount }) => ({ description, quantity, unitAmount, amount })),
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountDue: invoice.total - invoice.amountPaid,
    dueAt: invoice.dueAt,
    installments: docs.map((i) => ({ id: i.id, sequence: i.sequence, amount: i.amount, amountPaid: i.amountPaid, dueAt: i.dueAt, status: i.status })),
  }
}

/**
 * Pays through the link, for the invoice's client, through checkout's own code path
 * (`startPayment`): the whole remainder, or one installment's. The wallet is not offered:
 * nobody is signed in.
 */
/** What a link holder learns of the payment they started: nothing of the client's. */
export type PayLinkAnswer = { payment: Pick<CheckoutAnswer['payment'], 'id' | 'reference' | 'purpose' | 'provider' | 'status' | 'amount' | 'currency'>; checkoutUrl?: string | null }

export const payByLink = async (req: PayloadRequest, token: string, input: { provider: 'stripe' | 'manual'; installment?: number }, now = new Date()): Promise<PayLinkAnswer> => {
  const { invoice, tenant } = await invoiceOfToken(req, token, now)
  if (input.installment) {
    const { totalDocs } = await req.payload.count({ collection: 'installments', where: { and: [{ id: { equals: input.installment } }, { invoice: { equals: invoice.id } }] }, ...asSystem(proofOf(req)), req })
    if (!totalDocs) throw new ClientError(`installment: invoice ${invoice.number} has no installment ${input.installment}.`, 404, { field: 'installment' })
  }
  const target = input.installment ? { purpose: 'installment' as const, installment: input.installment } : { purpose: 'invoice' as const, invoice: invoice.id }
  // The token stands for the client: from here the platform acts for them, as a system
  // request (an anonymous one cannot reference the website in the documents it writes).
  const system = await systemRequest(req.payload, proofOf(req))
  const { payment, checkoutUrl } = await startPayment(system, tenant, idOf(invoice.client)!, { ...target, provider: input.provider })
  const { id, reference, purpose, provider, status, amount, currency } = payment
  return { payment: { id, reference, purpose, provider, status, amount, currency }, checkoutUrl }
}
