import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { recordId } from '@/domain/recordId'
import { AWAITING_PAYMENT } from '@/domain/orders/payment'
import { STAFF_ROLES } from '@/domain/roles'
import { ClientError } from '@/errors'

import { staffOf, visibleDoc } from '../gate'
import { hasInstallments } from '../invoices/owed'
import { toValidationError } from '../toValidationError'

import { evaluateDiscountFor, type Payable } from './evaluate'

/** What `POST /api/discounts/preview` takes (documented from this schema). */
export const previewInput = z
  .object({
    code: z.string({ error: 'Text: a discount code.' }).trim().max(64, 'At most 64 characters.').optional().describe('The code to try (case does not matter); without one, the automatic discount the payable would get.'),
    order: recordId('an order').optional().describe('An unpaid order (the client’s own; staff: any of the website).'),
    invoice: recordId('an invoice').optional().describe('An unpaid invoice, instead of an order.'),
  })
  .refine((body) => (body.order === undefined) !== (body.invoice === undefined), { path: ['order'], message: 'Give an order or an invoice (one of them).' })

export type PreviewAnswer = { code: string | null; origin: string | null; discount: number; subtotal: number; total: number }

/**
 * The discount a payable would get (nothing is written, nothing is held): a client's own
 * unpaid order or invoice, or, for staff of its website, any. The same evaluation as
 * checkout, so a code that fails here fails there with the same `data.rule`.
 */
export const previewDiscount = async (req: PayloadRequest, raw: unknown): Promise<PreviewAnswer> => {
  const parsed = previewInput.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'discounts', req)
  const input = parsed.data
  const payable: Payable = input.order !== undefined ? { type: 'order', id: input.order } : { type: 'invoice', id: input.invoice! }
  const field = payable.type

  // Read as the caller: another website's or another client's payable does not exist for them (404).
  let client: number
  let subtotal: number
  let tenantId: number
  if (payable.type === 'order') {
    const { actor, doc, tenant } = await visibleDoc(req, 'orders', payable.id)
    if (idOf(doc.client) !== actor.id && !staffOf(actor, tenant, STAFF_ROLES)) throw new ClientError('order: only its client and the website’s staff preview its discount.', 403, { field })
    if (!AWAITING_PAYMENT.includes(doc.status) || doc.amountPaid > 0) throw new ClientError('order: it is paid (or paid in part); its discount can no longer change.', 409, { field })
    client = idOf(doc.client)!
    subtotal = doc.subtotal ?? doc.total
    tenantId = tenant
  } else {
    const { actor, doc, tenant } = await visibleDoc(req, 'invoices', payable.id)
    if (idOf(doc.client) !== actor.id && !staffOf(actor, tenant, STAFF_ROLES)) throw new ClientError('invoice: only its client and the website’s staff preview its discount.', 403, { field })
    if (!['draft', 'issued'].includes(doc.status) || doc.amountPaid > 0) throw new ClientError('invoice: it is paid (or paid in part, or closed); its discount can no longer change.', 409, { field })
    if (await hasInstallments(req, doc.id)) throw new ClientError('invoice: it is paid by installments that add up to its total; its discount can no longer change.', 409, { field })
    client = idOf(doc.client)!
    subtotal = doc.subtotal ?? doc.total
    tenantId = tenant
  }
  const tenant = await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proofOf(req)), req })
  const chosen = await evaluateDiscountFor(req, { tenant, client, subtotal, code: input.code, payable })
  if (!chosen) return { code: null, origin: null, discount: 0, subtotal, total: subtotal }
  return { code: chosen.terms.code || null, origin: chosen.terms.origin, discount: chosen.discount, subtotal, total: chosen.total }
}
