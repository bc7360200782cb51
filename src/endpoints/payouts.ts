import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { PAYOUT_METHODS } from '@/domain/payouts/settings'
import { ClientError } from '@/errors'
import { withIdempotency } from '@/operations/payments/idempotency'
import { payRecord } from '@/operations/payouts/payRecord'
import { decidePayoutRequest, requestPayout } from '@/operations/payouts/requests'
import { toValidationError } from '@/operations/toValidationError'

import { readJsonBody } from './readJsonBody'
import { sendAnswer } from './sendAnswer'

const paidOutside = z.object({
  method: z.enum(PAYOUT_METHODS, { error: `One of ${PAYOUT_METHODS.join(', ')}.` }),
  externalReference: z.string({ error: 'Required: the bank, PayPal or Wise reference.' }).trim().min(1, 'Required: the bank, PayPal or Wise reference.').max(200),
})
const rejection = z.object({ reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500) })
const newRequest = z.object({ amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.') })

/**
 * A money-moving POST: the body is read, the `Idempotency-Key` honoured (per user and
 * `scope`), the body checked against `schema` (400 naming the field), then `run`.
 */
const moneyPost = <S extends z.ZodType>(path: string, collection: string, schema: S, scope: (req: PayloadRequest) => string, run: (req: PayloadRequest, input: z.infer<S>) => Promise<{ status: number; body: unknown }>): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    const raw = await readJsonBody(req)
    const answer = await withIdempotency(req, scope(req), raw, async () => {
      const parsed = schema.safeParse(raw)
      if (!parsed.success) throw toValidationError(parsed.error, collection, req)
      return run(req, parsed.data)
    })
    return sendAnswer(answer)
  },
})

const idParam = (req: PayloadRequest) => {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0) throw new ClientError('Not Found', 404)
  return id
}

/** POST /api/payout-records/:id/pay `{ method, externalReference }` (admins of the record's website) → 200 `{ record }`; paid already → 409. */
export const payRecordEndpoint = moneyPost('/:id/pay', 'payout-records', paidOutside, (req) => `payout-records.pay.${idParam(req)}`, async (req, input) => ({ status: 200, body: { record: await payRecord(req, idParam(req), input) } }))

/** POST /api/payout-requests `{ amount }` (a writer of the request's website) → 201 `{ request }`; more than available → 422 with `shortfall`. */
export const createRequestEndpoint = moneyPost('/', 'payout-requests', newRequest, () => 'payout-requests.create', async (req, input) => ({ status: 201, body: { request: await requestPayout(req, input.amount) } }))

/** POST /api/payout-requests/:id/approve `{ method, externalReference }` (admins) → 200 `{ request }`: the hold is captured. */
export const approveRequestEndpoint = moneyPost('/:id/approve', 'payout-requests', paidOutside, (req) => `payout-requests.approve.${idParam(req)}`, async (req, input) => ({
  status: 200,
  body: { request: await decidePayoutRequest(req, idParam(req), { status: 'approved', ...input }) },
}))

/** POST /api/payout-requests/:id/reject `{ reason }` (admins) → 200 `{ request }`: the hold is released. */
export const rejectRequestEndpoint = moneyPost('/:id/reject', 'payout-requests', rejection, (req) => `payout-requests.reject.${idParam(req)}`, async (req, input) => ({
  status: 200,
  body: { request: await decidePayoutRequest(req, idParam(req), { status: 'rejected', ...input }) },
}))
