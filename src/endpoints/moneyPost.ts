import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { documented, type RouteDoc } from '@/api/openapi/describe'
import { idempotencyHeader } from '@/operations/payments/idempotency'
import { runMoneyCommand, withMoneyCommand } from '@/operations/payments/moneyCommand'

import { readJsonBody } from './readJsonBody'
import { sendAnswer } from './sendAnswer'

/**
 * A money-moving POST: the body is read, the `Idempotency-Key` honoured (per user and
 * `scope`), the body checked against `schema` (400 naming the field), then `run`, whose
 * answer (refusals included) is what a replay of the key gets back. The command rides
 * on the endpoint, so GraphQL's money mutations run the very same one; so does its
 * documentation, whose body is `schema` itself.
 */
export const moneyPost = <S extends z.ZodType>(
  path: string,
  collection: string,
  schema: S,
  scope: (req: PayloadRequest) => string,
  run: (req: PayloadRequest, input: z.infer<S>) => Promise<{ status: number; body: unknown }>,
  doc: Omit<RouteDoc, 'body' | 'idempotent' | 'auth'>,
): Endpoint => {
  const command = { collection, schema, scope, run }
  const endpoint = withMoneyCommand(
    {
      path,
      method: 'post',
      handler: async (req) => sendAnswer(await runMoneyCommand(req, command, await readJsonBody(req), idempotencyHeader(req))),
    },
    command,
  )
  // Every money POST needs a user: the key is kept per user (401 without one).
  return documented(endpoint, { auth: 'required', ...doc, body: schema, idempotent: true })
}
