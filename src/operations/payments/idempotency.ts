import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { nestingProblem } from '@/domain/input/nesting'
import { ClientError, invalidInput } from '@/errors'

/** An answer as sent: the status and the exact JSON text, so a replay is byte-identical. */
export type Answer = { status: number; text: string }
type Row = { id: number; request_hash: string; status: string; response_status: number | null; response_body: string | null }

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, canonical(v)]),
  )
}

const WAIT_MS = 30_000

/** A 4xx the operation refused with, in Payload's error shape, so a replay can give it again. */
const refusalAnswer = (error: unknown): Answer | null => {
  const e = error as { status?: number; name?: string; message?: string; data?: unknown }
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500) return null
  return { status: e.status, text: JSON.stringify({ errors: [{ name: e.name, message: e.message, ...(e.data ? { data: e.data } : {}) }] }) }
}

/** The `Idempotency-Key` header of a REST request (GraphQL passes its `idempotencyKey` argument instead). */
export const idempotencyHeader = (req: PayloadRequest): string | undefined => req.headers.get('idempotency-key') ?? undefined

/**
 * Runs a money-moving request once per idempotency `key` (per user and `scope`; REST
 * takes it from the `Idempotency-Key` header, GraphQL from an argument): the first
 * request runs and its answer (success or refusal) is kept; a repeat gets that answer,
 * waiting while the first is still running; the same key with a different body is a
 * 422. A server error forgets the key, so the client may retry. No key: `handle` runs,
 * and nothing is read or written here.
 */
export const withIdempotency = async (
  req: PayloadRequest,
  givenKey: string | null | undefined,
  scope: string,
  body: unknown,
  handle: () => Promise<{ status: number; body: unknown }>,
): Promise<Answer> => {
  const run = async (): Promise<Answer> => {
    const { status, body: out } = await handle()
    return { status, text: JSON.stringify(out) }
  }
  const key = givenKey?.trim()
  if (!key) return run()
  if (key.length > 255) throw new ClientError('Idempotency-Key: at most 255 characters.', 400)
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  // The walk below recurses: a body nested past the limit is refused before it.
  const tooDeep = nestingProblem(body)
  if (tooDeep) throw invalidInput([tooDeep])
  const hash = createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex')

  // Outside any transaction: the claim must be visible to concurrent requests at once.
  const claimed = await execute<{ id: number }>(
    req,
    sql`INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status, updated_at, created_at)
        VALUES (${actor.id}, ${scope}, ${key}, ${hash}, 'in_progress', now(), now())
        ON CONFLICT (user_id, scope, key) DO NOTHING RETURNING id`,
  )
  if (claimed[0]) {
    let answer: Answer
    try {
      answer = await run()
    } catch (error) {
      const refusal = refusalAnswer(error)
      if (!refusal) {
        await execute(req, sql`DELETE FROM idempotency_keys WHERE id = ${claimed[0].id}`)
        throw error
      }
      answer = refusal
    }
    await execute(req, sql`UPDATE idempotency_keys SET status = 'done', response_status = ${answer.status}, response_body = ${answer.text}, updated_at = now() WHERE id = ${claimed[0].id}`)
    return answer
  }

  const started = Date.now()
  for (;;) {
    const [row] = await execute<Row>(req, sql`SELECT id, request_hash, status, response_status, response_body FROM idempotency_keys WHERE user_id = ${actor.id} AND scope = ${scope} AND key = ${key}`)
    if (!row) return withIdempotency(req, key, scope, body, handle) // the first attempt failed and let go
    if (row.request_hash !== hash) throw new ClientError('Idempotency-Key was used with a different request body.', 422)
    if (row.status === 'done') return { status: Number(row.response_status ?? 200), text: row.response_body ?? 'null' }
    if (Date.now() - started > WAIT_MS) throw new ClientError('A request with this Idempotency-Key is still running; retry shortly.', 409)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
