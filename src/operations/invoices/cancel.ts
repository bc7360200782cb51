import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { Invoice } from '@/payload-types'

import { releaseInvoiceDiscount } from '../discounts/usages'

/** The invoice stops taking money: a discount it holds goes back to the code, and its pay link dies. Under the invoice's lock. */
export const cancelInvoiceRow = async (req: PayloadRequest, invoiceId: number, now: Date): Promise<Invoice> => {
  await releaseInvoiceDiscount(req, invoiceId)
  return req.payload.update({ collection: 'invoices', id: invoiceId, data: { status: 'cancelled', cancelledAt: now.toISOString(), payTokenHash: null, payTokenExpiresAt: null }, depth: 0, ...asSystem(proofOf(req)), req })
}
