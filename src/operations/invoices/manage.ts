import type { PayloadRequest } from 'payload'

import { INVOICE_MAX_TOTAL, installmentPlanProblem, priceLines, type LineInput } from '@/domain/invoices/totals'
import { dueDateProblem, payTokenExpiry } from '@/domain/invoices/schedule'
import { ClientError, refuseField } from '@/errors'
import { asSystem, proofOf } from '@/access/system'
import type { Invoice } from '@/payload-types'

import { discountDraft } from '../discounts/usages'
import { staffOf } from '../gate'
import { allocateDocumentNumber } from '../allocateOrderNumber'
import { inTransaction } from '../inTransaction'
import { requestMember } from '../gate'

import { newPayToken, payUrl } from './payToken'

const BILLING_ROLES = ['admin', 'support'] as const

/** The signed-in staff member allowed to bill on the request's website (401, 404, 403). */
export const billingStaff = async (req: PayloadRequest) => {
  const { actor, tenant } = await requestMember(req)
  if (!staffOf(actor, tenant.id, BILLING_ROLES)) throw new ClientError('Only admins and support of the website bill clients.', 403)
  return { actor, tenant }
}

export type DraftInput = { client: number; title?: string; dueAt?: string; lines: LineInput[]; installments?: { amount: number; dueAt: string }[]; discountCode?: string }

/**
 * A draft invoice with its lines priced on the server, its discount (the code entered for
 * it, evaluated for the client as checkout would) and its installments, which
 * add up to the total after the discount; numbered per website. A code that does not
 * apply is a 422 naming its rule, and nothing is written.
 */
export const createDraft = async (req: PayloadRequest, input: DraftInput) => {
  const { actor, tenant } = await billingStaff(req)
  const { lines, total } = priceLines(input.lines)
  if (total <= 0) throw refuseField('invoices', 'lines', 'The invoice must come to more than 0.', 400)
  if (total > INVOICE_MAX_TOTAL) throw refuseField('invoices', 'lines', `The invoice may come to at most ${INVOICE_MAX_TOTAL} cents (the card processor's limit for one payment).`, 400)
  const now = new Date()
  if (input.dueAt) {
    const problem = dueDateProblem(new Date(input.dueAt), now)
    if (problem) throw refuseField('invoices', 'dueAt', problem, 400)
  }
  for (const [index, item] of (input.installments ?? []).entries()) {
    const problem = dueDateProblem(new Date(item.dueAt), now)
    if (problem) throw refuseField('invoices', `installments.${index}.dueAt`, problem, 400)
  }
  const plan = input.installments ?? []
  // In due order (dates compared as instants: the offsets in the input may differ).
  const schedule = plan.map((i) => ({ amount: i.amount, dueAt: new Date(i.dueAt) })).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
  const lastDue = schedule.at(-1)?.dueAt
  if (!input.dueAt && !lastDue) throw refuseField('invoices', 'dueAt', 'Required (or give installments).', 400)
  if (input.dueAt && lastDue && new Date(input.dueAt) < lastDue) throw refuseField('invoices', 'dueAt', 'Must not come before the last installment.', 400)
  const { docs } = await req.payload.find({ collection: 'users', where: { and: [{ id: { equals: input.client } }, { roles: { equals: 'client' } }, { 'tenants.tenant': { equals: tenant.id } }] }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })
  if (!docs[0]) throw refuseField('invoices', 'client', `There is no client ${input.client} on this website.`, 400)
  return inTransaction(req, async () => {
    const number = await allocateDocumentNumber(req, tenant.id, 'invoice')
    const drafted = await req.payload.create({
      collection: 'invoices',
      data: { tenant: tenant.id, number, client: input.client, title: input.title ?? null, lines, subtotal: total, discount: 0, total, amountPaid: 0, currency: tenant.currency ?? 'USD', status: 'draft', dueAt: (input.dueAt ? new Date(input.dueAt) : lastDue!).toISOString(), createdBy: actor.id },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    const invoice = await discountDraft(req, tenant, drafted, input.discountCode)
    const planProblem = installmentPlanProblem(invoice.total, plan.map((i) => i.amount))
    if (planProblem) throw refuseField('invoices', 'installments', invoice.discount ? `${planProblem} (${invoice.subtotal} less its discount of ${invoice.discount})` : planProblem, 400)
    const installments = []
    for (const [index, item] of schedule.entries()) {
      installments.push(
        await req.payload.create({
          collection: 'installments',
          data: { tenant: tenant.id, invoice: invoice.id, client: input.client, sequence: index + 1, amount: item.amount, amountPaid: 0, dueAt: item.dueAt.toISOString(), status: 'pending' },
          depth: 0,
          ...asSystem(proofOf(req)),
          req,
        }),
      )
    }
    return { invoice, installments }
  })
}

/** A fresh pay link on the locked invoice: the old token stops working at once. */
export const withNewToken = async (req: PayloadRequest, invoice: Invoice, now: Date, patch: Partial<Invoice> = {}) => {
  const { token, hash } = newPayToken()
  const updated = await req.payload.update({ collection: 'invoices', id: invoice.id, data: { ...patch, payTokenHash: hash, payTokenExpiresAt: payTokenExpiry(now).toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
  return { invoice: updated, payUrl: payUrl(token) }
}
