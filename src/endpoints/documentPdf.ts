import type { DataFromCollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { documented } from '@/api/openapi/describe'
import { visibleDoc } from '@/operations/gate'

import { idParams, routeId } from './routeId'

const NOUN = { invoices: 'invoice', receipts: 'receipt' } as const

/** GET /api/<collection>/:id/pdf (anyone who may read the document) → application/pdf. */
export const pdfEndpoint = <C extends 'invoices' | 'receipts'>(collection: C, render: (req: PayloadRequest, doc: DataFromCollectionSlug<C>) => Promise<Uint8Array>): Endpoint =>
  documented(
    {
      path: '/:id/pdf',
      method: 'get',
      handler: async (req) => {
        const { doc } = await visibleDoc(req, collection, routeId(req))
        return new Response(Buffer.from(await render(req, doc)), {
          status: 200,
          headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${doc.number}.pdf"`, 'cache-control': 'private, no-store' },
        })
      },
    },
    {
      summary: `The ${NOUN[collection]} as a PDF`,
      description: `The ${NOUN[collection]} branded for its website, for whoever may read it (its client, staff of its website): the same rows as \`GET /api/${collection}/{id}\`. **404** when the caller cannot see it.`,
      auth: 'required',
      params: idParams,
      responses: { 200: { contentType: 'application/pdf', description: `The ${NOUN[collection]}, inline, named after its number; not cached.` } },
      errors: [401, 404],
    },
  )
