import type { Endpoint } from 'payload'

import { quoteOrder } from '@/operations/quoteOrder'

import { readJsonBody } from './readJsonBody'

/** POST /api/orders/quote (an endpoint of the orders collection) → { total, currency, lines } in minor units; the server prices everything. */
export const quoteEndpoint: Endpoint = {
  path: '/quote',
  method: 'post',
  handler: async (req) => {
    const quote = await quoteOrder(req, await readJsonBody(req))
    return Response.json({ total: quote.total, currency: quote.currency, lines: quote.lines })
  },
}
