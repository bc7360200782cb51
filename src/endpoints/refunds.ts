import type { Endpoint } from 'payload'
import { z } from 'zod'

import { actorOf, idOf } from '@/access/actor'
import { ClientError } from '@/errors'
import { inTransaction } from '@/operations/inTransaction'
import { refundOrder } from '@/operations/money/refundOrder'
import { readLockedOrder } from '@/operations/orders/lockOrder'
import { withIdempotency } from '@/operations/payments/idempotency'
import { toValidationError } from '@/operations/toValidationError'

import { readJsonBody } from './readJsonBody'
import { sendAnswer } from './sendAnswer'

const body = z.object({
  amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
  destination: z.enum(['wallet', 'provider'], { error: 'One of wallet, provider (back to the card).' }).default('wallet'),
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500),
})

/**
 * POST /api/orders/:id/refunds `{ amount, destination: "wallet" | "provider", reason }` (admins of the
 * order's website; Idempotency-Key honoured) → 201 `{ refund }`. Partial refunds add up
 * to at most what the order was paid (422).
 */
export const refundEndpoint: Endpoint = {
  path: '/:id/refunds',
  method: 'post',
  handler: async (req) => {
    const raw = await readJsonBody(req)
    const orderId = Number(req.routeParams?.id)
    if (!Number.isInteger(orderId) || orderId <= 0) throw new ClientError('Not Found', 404)
    const answer = await withIdempotency(req, `orders.refund.${orderId}`, raw, async () => {
      const actor = actorOf(req)
      if (!actor) throw new ClientError('Log in first.', 401)
      const parsed = body.safeParse(raw)
      if (!parsed.success) throw toValidationError(parsed.error, 'refunds', req)
      const { docs } = await req.payload.find({ collection: 'orders', where: { id: { equals: orderId } }, depth: 0, limit: 1, overrideAccess: false, user: req.user, req })
      if (!docs[0]) throw new ClientError('Not Found', 404)
      const tenant = idOf(docs[0].tenant)!
      if (!(actor.allTenants || (actor.roles.includes('admin') && actor.tenantIds.includes(tenant)))) throw new ClientError('Only an admin of the website refunds.', 403)
      const refund = await inTransaction(req, async () => refundOrder(req, await readLockedOrder(req, orderId), parsed.data.amount, parsed.data.reason, parsed.data.destination))
      return { status: 201, body: { refund } }
    })
    return sendAnswer(answer)
  },
}
