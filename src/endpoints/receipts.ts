import type { Endpoint } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { adminOfVisible } from '@/operations/gate'
import { receiptPdf } from '@/operations/documents/documentPdf'
import { voidReceipt } from '@/operations/receipts/issueReceipt'
import { toValidationError } from '@/operations/toValidationError'

import { pdfEndpoint } from './documentPdf'
import { readJsonBody } from './readJsonBody'
import { idParams, routeId } from './routeId'

const voidBody = z.object({ reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500) })

/** POST /api/receipts/:id/void `{ reason }` (admins of the receipt's website) → 201 `{ receipt }`, the voiding record. */
const voidEndpoint: Endpoint = documented(
  {
    path: '/:id/void',
    method: 'post',
    handler: async (req) => {
      const raw = await readJsonBody(req)
      const { doc: receipt, actor } = await adminOfVisible(req, 'receipts', routeId(req), 'Only an admin of the website voids a receipt.')
      const parsed = voidBody.safeParse(raw)
      if (!parsed.success) throw toValidationError(parsed.error, 'receipts', req)
      return Response.json({ receipt: await voidReceipt(req, receipt.id, parsed.data.reason, actor.id) }, { status: 201 })
    },
  },
  {
    summary: 'Void a receipt',
    description: [
      'Receipts are immutable: an admin of the receipt’s website voids one by issuing a voiding record that points to it, with a reason. The answer is that new record.',
      '**409** for a receipt voided already or for a voiding record itself, **403** for anyone but an admin of the website, **404** when the caller cannot see the receipt, **400** without a reason.',
    ].join('\n\n'),
    auth: 'required',
    params: idParams,
    body: voidBody,
    responses: { 201: z.object({ receipt: docOf('receipts') }) },
    errors: [400, 401, 403, 404, 409],
  },
)

export const receiptEndpoints: Endpoint[] = [voidEndpoint, pdfEndpoint('receipts', receiptPdf)]
