import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { lockIssuedInvoice, lockRow } from '@/db/locks'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import { ClientError } from '@/errors'
import { asSystem, proofOf } from '@/access/system'
import type { Installment, Invoice, Tenant } from '@/payload-types'

import { discountInvoiceAtCheckout } from '../discounts/usages'
import { discountRefusal } from '../discounts/evaluate'

export type InvoiceTarget = ({ purpose: 'invoice'; invoice: number } | { purpose: 'installment'; installment: number }) & { discountCode?: string }

/** Takes the invoice's row lock: every change to an invoice or its installments runs under it. */
export const lockInvoice = async (req: PayloadRequest, invoiceId: number): Promise<Invoice> => {
  await lockRow(req, 'invoices', invoiceId)
  return req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, ...asSystem(proofOf(req)), req })
}

/** Whether an installment plan rests on the invoice's total (its discount can no longer change then). */
export const hasInstallments = async (req: PayloadRequest, invoiceId: number): Promise<boolean> => {
  const [row] = await execute<{ found: boolean }>(req, sql`SELECT EXISTS (SELECT 1 FROM installments WHERE invoice_id = ${invoiceId}) AS found`)
  return row?.found === true
}

const notFound = (field: string, id: number) => new ClientError(`${field}: there is no ${field} ${id} of yours here.`, 404, { field })

/**
 * What a client still owes on an invoice or one installment of it, under the invoice's
 * row lock (taken before the payment row that will reference it, as orders do). Another
 * website's, another client's or a draft invoice does not exist for the payer (404);
 * one that takes no money (paid, cancelled, expired) or an installment paid or waived → 422.
 * A discount code applies to the whole invoice only (`discountInvoiceAtCheckout`): on an
 * installment it is a 422 `not_eligible`, never silently ignored.
 */
export const lockInvoiceDebt = async (req: PayloadRequest, tenant: Tenant, clientId: number, target: InvoiceTarget) => {
  const tenantId = tenant.id
  const field = target.purpose
  const wanted = target.purpose === 'invoice' ? target.invoice : target.installment
  let invoiceId = wanted
  if (target.purpose === 'installment') {
    const [row] = await execute<{ invoice_id: number }>(req, sql`SELECT invoice_id FROM installments WHERE id = ${target.installment} AND tenant_id = ${tenantId}`)
    if (!row) throw notFound(field, wanted)
    invoiceId = Number(row.invoice_id)
  }
  if (!(await lockIssuedInvoice(req, invoiceId, { tenant: tenantId, client: clientId }))) throw notFound(field, wanted)
  let invoice = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, ...asSystem(proofOf(req)), req })
  if (!PAYABLE_STATUSES.includes(invoice.status)) throw new ClientError(`${field}: the invoice is ${invoice.status}; it takes no payment.`, 422, { field })
  let installment: Installment | null = null
  if (target.purpose === 'installment') {
    installment = await req.payload.findByID({ collection: 'installments', id: target.installment, depth: 0, ...asSystem(proofOf(req)), req })
    if (installment.status !== 'pending') throw new ClientError(`installment: this installment is ${installment.status}; it takes no payment.`, 422, { field })
    if (target.discountCode?.trim()) throw discountRefusal('not_eligible', 'a discount applies to a whole invoice, not to one of its installments.')
  } else if (target.discountCode?.trim()) {
    invoice = await discountInvoiceAtCheckout(req, tenant, invoice, target.discountCode, await hasInstallments(req, invoice.id))
  }
  const amount = installment ? installment.amount - installment.amountPaid : invoice.total - invoice.amountPaid
  if (amount <= 0) throw new ClientError(`${field}: nothing is owed on it.`, 422, { field })
  return {
    amount,
    links: { invoice: invoice.id, installment: installment?.id ?? null },
    label: installment ? `Invoice ${invoice.number}, installment ${installment.sequence}` : `Invoice ${invoice.number}`,
  }
}
