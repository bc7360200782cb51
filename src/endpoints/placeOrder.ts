import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { idempotencyHeader, withIdempotency } from '@/operations/payments/idempotency'
import { PLACEMENT_SCOPE } from '@/operations/orders/placeOrder'

import { sendAnswer } from './sendAnswer'

/** Marks this route among the collection's endpoints, so the search for Payload's own create skips it. */
const PLACEMENT = 'scriptoriumPlacement'

const payloadCreates = new WeakMap<object, PayloadHandler>()

/**
 * Payload's own `POST /` of orders (access, the placement hook, its answer), which this
 * route stands in front of: the next endpoint of the collection with the same method
 * and path. Found once per config.
 */
const payloadCreate = (req: PayloadRequest): PayloadHandler => {
  const config = req.payload.collections.orders.config
  let handler = payloadCreates.get(config)
  if (!handler) {
    const found = (config.endpoints || []).find((endpoint) => endpoint.method === 'post' && endpoint.path === '/' && !endpoint.custom?.[PLACEMENT])
    if (!found) throw new Error('orders: Payload’s create endpoint is missing')
    handler = found.handler
    payloadCreates.set(config, handler)
  }
  return handler
}

/**
 * The order as the request brings it, for the key's fingerprint, read from a copy of
 * the body (Payload's create reads the body itself): JSON, or the admin's multipart
 * `_payload`. A body that does not parse is fingerprinted as sent; the create refuses it.
 */
const bodyOf = async (req: PayloadRequest): Promise<unknown> => {
  const copy = req.clone?.()
  if (!copy) return null
  if ((req.headers.get('content-type') ?? '').includes('multipart/')) {
    const form = await copy.formData().catch(() => null)
    const payload = form?.get('_payload')
    return typeof payload === 'string' ? parseOr(payload) : null
  }
  return parseOr(await copy.text())
}

const parseOr = (text: string): unknown => {
  try {
    return text.trim() ? (JSON.parse(text) as unknown) : {}
  } catch {
    return text
  }
}

/**
 * `POST /api/orders` places an order (Payload's create with the placement hook). With
 * an `Idempotency-Key` it places once per key and caller: a retry after a cut-off
 * answer gets the first answer again (status and body, refusals included), the same key
 * with another order is a 422. Without a key it is Payload's create, untouched.
 */
export const placeOrderEndpoint: Endpoint = documented(
  {
    path: '/',
    method: 'post',
    custom: { [PLACEMENT]: true },
    handler: async (req) => {
      // A placement answers the order's own fields unless asked for more: populating the
      // website and the client (Payload's default depth 2) ran inside the transaction that
      // holds the website's order-number lock, so every placement waited for it.
      if (req.query.depth === undefined) req.query.depth = '0'
      const key = idempotencyHeader(req)
      if (!key?.trim()) return payloadCreate(req)(req)
      const answer = await withIdempotency(req, key, PLACEMENT_SCOPE, await bodyOf(req), async () => {
        const response = await payloadCreate(req)(req)
        return { status: response.status, body: (await response.json()) as unknown }
      })
      return sendAnswer(answer)
    },
  },
  {
    summary: 'Place an order',
    description:
      'Creates an order for the caller (clients) or for a named client of the website (staff). The server prices it and decides its number, status and deadlines; a price or status in the body is ignored. The answer is the order at depth 0 (relationships as ids) unless `depth` asks for more. Send `Idempotency-Key` so that a retry after a lost answer places it once: the same key answers the first result again, the same key with another body is a 422.',
    tags: ['orders'],
    auth: 'required',
    idempotent: true,
    // A key first used by GraphQL's placeOrder replays its answer, which has no message.
    responses: { 201: z.object({ doc: docOf('orders'), message: z.string().optional() }) },
    errors: [400, 401, 403, 409, 422],
  },
)
