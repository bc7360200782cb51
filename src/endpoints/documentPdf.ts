import type { DataFromCollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { visibleDoc } from '@/operations/gate'

import { routeId } from './routeId'

/** GET /api/<collection>/:id/pdf (anyone who may read the document) → application/pdf. */
export const pdfEndpoint = <C extends 'invoices' | 'receipts'>(collection: C, render: (req: PayloadRequest, doc: DataFromCollectionSlug<C>) => Promise<Uint8Array>): Endpoint => ({
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    const { doc } = await visibleDoc(req, collection, routeId(req))
    return new Response(Buffer.from(await render(req, doc)), {
      status: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${doc.number}.pdf"`, 'cache-control': 'private, no-store' },
    })
  },
})
