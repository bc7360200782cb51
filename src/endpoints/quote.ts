import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { QUOTE_LINE_TYPES } from '@/domain/pricing/types'
import { quoteInput, quoteOrder } from '@/operations/quoteOrder'

import { readJsonBody } from './readJsonBody'

/** The quote as a frontend reads it, in minor units of the website's currency. */
export const quoteAnswer = z.object({
  total: schemas.minor,
  currency: schemas.currency,
  lines: z.array(z.object({ type: z.enum(QUOTE_LINE_TYPES), code: z.string(), label: z.string(), amount: schemas.minor })),
})

/** POST /api/orders/quote (an endpoint of the orders collection) → { total, currency, lines } in minor units; the server prices everything. */
export const quoteEndpoint: Endpoint = documented(
  {
    path: '/quote',
    method: 'post',
    handler: async (req) => {
      const quote = await quoteOrder(req, await readJsonBody(req))
      return Response.json({ total: quote.total, currency: quote.currency, lines: quote.lines })
    },
  },
  {
    summary: 'Price an order',
    description: [
      'Anyone (no login) prices an order on the request’s website from the order form’s choices (`GET /api/order-options` lists them): the total and every line that makes it, in minor units of the website’s currency. The server prices everything; a price in the body is ignored. Placing the order (`POST /api/orders`) prices it the same way.',
      '**400** naming each bad field (an unknown or inactive choice, pages out of range, a deadline no band covers), **404** naming the unknown host or website, **422** when the website has no price list yet.',
    ].join('\n\n'),
    auth: 'none',
    body: quoteInput,
    responses: { 200: quoteAnswer },
    errors: [400, 404, 422],
  },
)
