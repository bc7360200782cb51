import type { Endpoint } from 'payload'
import { z } from 'zod'

import { adminOfVisible } from '@/operations/gate'
import { receiptPdf } from '@/operations/documents/documentPdf'
import { voidReceipt } from '@/operations/receipts/issueReceipt'
import { toValidationError } from '@/operations/toValidationError'

import { pdfEndpoint } from './documentPdf'
import { readJsonBody } from './readJsonBody'
import { routeId } from './routeId'

const voidBody = z.object({ reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500) })

/** POST /api/receipts/:id/void `{ reason }` (admins of the receipt's website) → 201 `{ receipt }`, the voiding record. */
const voidEndpoint: Endpoint = {
  path: '/:id/void',
  method: 'post',
  handler: async (req) => {
    const raw = await readJsonBody(req)
    const { doc: receipt, actor } = await adminOfVisible(req, 'receipts', routeId(req), 'Only an admin of the website voids a receipt.')
    const parsed = voidBody.safeParse(raw)
    if (!parsed.success) throw toValidationError(parsed.error, 'receipts', req)
    return Response.json({ receipt: await voidReceipt(req, receipt.id, parsed.data.reason, actor.id) }, { status: 201 })
  },
}

export const receiptEndpoints: Endpoint[] = [voidEndpoint, pdfEndpoint('receipts', receiptPdf)]
