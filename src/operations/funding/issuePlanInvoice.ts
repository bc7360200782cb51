import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { INVOICE_MAX_TOTAL, installmentPlanProblem, priceLines, type LineInput } from '@/domain/invoices/totals'
import type { Installment, Invoice, Tenant } from '@/payload-types'

import { allocateDocumentNumber } from '../allocateOrderNumber'

export type PlanInvoiceInput = {
  tenant: Tenant
  client: number
  title: string
  lines: LineInput[]
  /** In due order; their amounts add up to the lines' total. */
  installments: { amount: number; dueAt: Date }[]
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
  const problem = total <= 0 ? 'The plan comes to nothing.' : total > INVOICE_MAX_TOTAL ? `The plan comes to more than ${INVOICE_MAX_TOTAL} cents.` : installmentPlanProblem(total, input.installments.map((i) => i.amount))
  if (problem || input.installments.length === 0) throw new Error(`Plan invoice: ${problem ?? 'a plan needs at least one installment.'}`)
  const now = new Date()
  const tenant = input.tenant.id
  const number = await allocateDocumentNumber(req, tenant, 'invoice')
  const lastDue = input.installments.at(-1)!.dueAt
  const invoice = await req.payload.create({
    collection: 'invoices',
    data: { ...input.link, tenant, number, client: input.client, title: input.title, lines, subtotal: total, discount: 0, total, amountPaid: 0, currency: input.tenant.currency ?? 'USD', status: 'issued', issuedAt: now.toISOString(), dueAt: lastDue.toISOString(), createdBy: input.createdBy },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const installments: Installment[] = []
  for (const [index, item] of input.installments.entries()) {
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
