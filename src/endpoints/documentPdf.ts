import type { DataFromCollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { ClientError } from '@/errors'

/** The document with this route id as the caller may read it: another website's, another client's or a missing one → 404 alike. */
export const readableById = async <C extends 'invoices' | 'receipts'>(req: PayloadRequest, collection: C) => {
  const id = Number(req.routeParams?.id)
  if (!req.user) throw new ClientError('Log in first.', 401)
  if (!Number.isInteger(id) || id <= 0) throw new ClientError('Not Found', 404)
  const { docs } = await req.payload.find({ collection, where: { id: { equals: id } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
  if (!docs[0]) throw new ClientError('Not Found', 404)
  return docs[0]
}

/** GET /api/<collection>/:id/pdf (anyone who may read the document) → application/pdf. */
export const pdfEndpoint = <C extends 'invoices' | 'receipts'>(collection: C, render: (req: PayloadRequest, doc: DataFromCollectionSlug<C>) => Promise<Uint8Array>): Endpoint => ({
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    const doc = (await readableById(req, collection)) as DataFromCollectionSlug<C>
    return new Response(Buffer.from(await render(req, doc)), {
      status: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${doc.number}.pdf"`, 'cache-control': 'private, no-store' },
    })
  },
})
