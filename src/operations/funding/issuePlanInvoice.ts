import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { INVOICE_MAX_TOTAL, installmentPlanProblem, priceLines, type LineInput } from '@/domain/invoices/totals'
import type { Installment, Invoice, Tenant } from '@/payload-types'

import { allocateDocumentNumber } from '../allocateOrderNumber'
import { discountDraft } from '../discounts/usages'

type PlanPart = { amount: number; dueAt: Date }

export type PlanInvoiceInput = {
  tenant: Tenant
  client: number
  title: string
  lines: LineInput[]
  /**
   * In due order; their amounts add up to the total. A function gets the total after the
   * discount code (the plan is cut from what the client owes).
   */
  installments: PlanPart[] | ((total: number) => PlanPart[])
  /** A discount code the client entered: evaluated for them, held on the invoice (a 422 naming its rule when it does not apply). */
  discountCode?: string
  createdBy: number | null
  /** The invoice's link to what it funds (`{ specialOrder: id }`, `{ classOrder: id }`). */
  link: Partial<Invoice>
}

/**
 * An issued invoice whose installments are a plan's parts (a deposit and milestones, a
 * class's installments), in the caller's transaction: the one payable path for
 * everything paid in parts. The client pays each installment through checkout
 * (`purpose: installment`) or the whole invoice; `PLAN_LISTENERS` hear of every payment.
 * A plan that does not add up is the caller's bug, not the client's: it throws.
 */
export const issuePlanInvoice = async (req: PayloadRequest, input: PlanInvoiceInput): Promise<{ invoice: Invoice; installments: Installment[] }> => {
  const { lines, total } = priceLines(input.lines)
  if (total <= 0 || total > INVOICE_MAX_TOTAL) throw new Error(`Plan invoice: the plan comes to ${total} cents.`)
  const now = new Date()
  const tenant = input.tenant.id
  const number = await allocateDocumentNumber(req, tenant, 'invoice')
  const created = await req.payload.create({
    collection: 'invoices',
    // Due with its last part: set once the parts are cut.
    data: { ...input.link, tenant, number, client: input.client, title: input.title, lines, subtotal: total, discount: 0, total, amountPaid: 0, currency: input.tenant.currency ?? 'USD', status: 'issued', issuedAt: now.toISOString(), dueAt: now.toISOString(), createdBy: input.createdBy },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const discounted = await discountDraft(req, input.tenant, created, input.discountCode, now)
  const parts = typeof input.installments === 'function' ? input.installments(discounted.total) : input.installments
  const problem = parts.length === 0 ? 'a plan needs at least one installment.' : installmentPlanProblem(discounted.total, parts.map((i) => i.amount))
  if (problem) throw new Error(`Plan invoice: ${problem}`)
  const invoice = await req.payload.update({ collection: 'invoices', id: created.id, data: { dueAt: parts.at(-1)!.dueAt.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
  const installments: Installment[] = []
  for (const [index, item] of parts.entries()) {
    installments.push(
      await req.payload.create({
        collection: 'installments',
        data: { tenant, invoice: invoice.id, client: input.client, sequence: index + 1, amount: item.amount, amountPaid: 0, dueAt: item.dueAt.toISOString(), status: 'pending' },
        depth: 0,
        ...asSystem(proofOf(req)),
        req,
      }),
    )
  }
  return { invoice, installments }
}
