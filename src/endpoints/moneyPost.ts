import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { idempotencyHeader, withIdempotency } from '@/operations/payments/idempotency'
import { toValidationError } from '@/operations/toValidationError'

import { readJsonBody } from './readJsonBody'
import { sendAnswer } from './sendAnswer'

/**
 * A money-moving POST: the body is read, the `Idempotency-Key` honoured (per user and
 * `scope`), the body checked against `schema` (400 naming the field), then `run`, whose
 * answer (refusals included) is what a replay of the key gets back.
 */
export const moneyPost = <S extends z.ZodType>(
  path: string,
  collection: string,
  schema: S,
  scope: (req: PayloadRequest) => string,
  run: (req: PayloadRequest, input: z.infer<S>) => Promise<{ status: number; body: unknown }>,
): Endpoint => ({
  path,
  method: 'post',
  handler: async (req) => {
    const raw = await readJsonBody(req)
    const answer = await withIdempotency(req, idempotencyHeader(req), scope(req), raw, async () => {
      const parsed = schema.safeParse(raw)
      if (!parsed.success) throw toValidationError(parsed.error, collection, req)
      return run(req, parsed.data)
    })
    return sendAnswer(answer)
  },
})
