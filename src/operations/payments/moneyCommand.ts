import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { toValidationError } from '../toValidationError'

import { type Answer, withIdempotency } from './idempotency'

/**
 * A money-moving request apart from its transport: the body's schema (a bad field is a
 * 400 naming it, in `collection`'s name), the idempotency scope, and the operation.
 * `scope` and `run` read the record's id from `req.routeParams` (`routeId`).
 */
export type MoneyCommand<S extends z.ZodType = z.ZodType> = {
  collection: string
  schema: S
  scope: (req: PayloadRequest) => string
  run: (req: PayloadRequest, input: z.infer<S>) => Promise<{ status: number; body: unknown }>
}

const KEY = 'moneyCommand'

/** The command a money POST runs (REST's handler; GraphQL runs the same one). */
export const withMoneyCommand = <E extends Endpoint, S extends z.ZodType>(endpoint: E, command: MoneyCommand<S>): E => ({ ...endpoint, custom: { ...endpoint.custom, [KEY]: command } })
// Stored without its schema's type: `run` only ever gets what `schema` parsed.
export const moneyCommandOf = (endpoint: Endpoint): MoneyCommand | undefined => endpoint.custom?.[KEY] as MoneyCommand | undefined

/**
 * Runs the command once per idempotency `key` (REST's header, GraphQL's argument):
 * the body checked against the schema, then the operation; its answer, refusals
 * included, is what a replay of the key gets.
 */
export const runMoneyCommand = async <S extends z.ZodType>(req: PayloadRequest, command: MoneyCommand<S>, raw: unknown, key: string | null | undefined): Promise<Answer> =>
  withIdempotency(req, key, command.scope(req), raw, async () => {
    const parsed = command.schema.safeParse(raw)
    if (!parsed.success) throw toValidationError(parsed.error, command.collection, req)
    return command.run(req, parsed.data)
  })
