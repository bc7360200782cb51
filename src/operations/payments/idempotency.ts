import { createHash, randomUUID } from 'node:crypto'

import type { CollectionConfig, PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { nestingProblem } from '@/domain/input/nesting'
import { ClientError, invalidInput } from '@/errors'

/** An answer as sent: the status and the exact JSON text, so a replay is byte-identical. */
export type Answer = { status: number; text: string }
type Row = {
  id: number
  request_hash: string
  status: string
  response_status: number | null
  response_body: string | null
  owner: string | null
  applied: boolean
  expired: boolean
}

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, canonical(v)]),
  )
}

/** What a key is bound to: the body, keys sorted, hashed. */
export const requestHashOf = (body: unknown): string => createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex')

const WAIT_MS = 30_000
/**
 * How long a claim holds without its owner finishing: past it, the owner is presumed
 * dead (a web process killed, a database that went away under it) and a retry takes the
 * key over, unless the owner's change has committed (`applied_at`, written in the same
 * transaction as the change). A slow owner that is taken over cannot commit: its own
 * mark finds the key no longer its own and rolls its change back.
 */
const LEASE_S = 15
export const CLAIM = 'scriptoriumIdempotencyClaim'
export type Claim = { id: number; owner: string }

/**
 * Marks the request's idempotency claim applied, inside the transaction that commits its
 * change: every Payload write of the request (`markIdempotentWrites`, an afterChange and
 * afterDelete on every collection) and `inTransaction` as it commits (raw SQL changes).
 * Once per transaction. Throws a 409 when another attempt with the same key took the
 * claim over meanwhile: this one's change must not commit. Does nothing without a key.
 */
export const markIdempotentApplied = async (req: PayloadRequest): Promise<void> => {
  const claim = req.context[CLAIM] as (Claim & { markedIn?: unknown }) | undefined
  if (!claim) return
  const transaction = req.transactionID ? await req.transactionID : null
  if (transaction !== null && claim.markedIn === transaction) return
  const marked = await execute(req, sql`UPDATE idempotency_keys SET applied_at = coalesce(applied_at, now()) WHERE id = ${claim.id} AND owner = ${claim.owner} RETURNING id`)
  if (!marked[0]) throw new ClientError('Another attempt with this Idempotency-Key took over; this one was undone. Retry with the same key for its answer.', 409)
  claim.markedIn = transaction
}

/**
 * Every collection's writes mark the request's idempotency claim in their own
 * transaction, so a key whose attempt died is never taken over after its change
 * committed, whichever path wrote it (an operation's `inTransaction`, Payload's own
 * create or update of a placement, a handler that writes through the Local API).
 */
export const markIdempotentWrites = (collection: CollectionConfig): CollectionConfig => {
  const mark = async ({ req, doc }: { req: PayloadRequest; doc: unknown }) => {
    await markIdempotentApplied(req)
    return doc
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), mark],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), mark],
    },
  }
}

/** The answer kept for a key whose change committed but whose owner died before answering. */
const LOST_ANSWER: Answer = {
  status: 409,
  text: JSON.stringify({
    errors: [
      {
        name: 'ClientError',
        message: 'This request was carried out, but the server stopped before it could answer: read the result (the order, the payment) rather than sending it again.',
        data: { rule: 'answer_lost' },
      },
    ],
  }),
}

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
 * 422. A server error forgets the key, so the client may retry. An attempt whose process
 * died holds the key for `LEASE_S` at most; a retry then takes it over and runs, unless
 * its change committed (then the answer says so: `answer_lost`). No key: `handle` runs,
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
  const hash = requestHashOf(body)

  const owned = async (claim: Claim): Promise<Answer> => {
    req.context[CLAIM] = claim
    let answer: Answer
    try {
      answer = await run()
    } catch (error) {
      const refusal = refusalAnswer(error)
      if (!refusal) {
        // A server error lets go of the key, so the client may retry (when the database is
        // gone this fails too, and the lease lets a retry take the key over instead).
        await execute(req, sql`DELETE FROM idempotency_keys WHERE id = ${claim.id} AND owner = ${claim.owner}`).catch(() => undefined)
        throw error
      }
      answer = refusal
    } finally {
      delete req.context[CLAIM]
    }
    await execute(
      req,
      sql`UPDATE idempotency_keys SET status = 'done', response_status = ${answer.status}, response_body = ${answer.text}, updated_at = now()
          WHERE id = ${claim.id} AND owner = ${claim.owner}`,
    )
    return answer
  }

  // Outside any transaction: the claim must be visible to concurrent requests at once.
  const owner = randomUUID()
  const claimed = await execute<{ id: number }>(
    req,
    sql`INSERT INTO idempotency_keys (user_id, scope, key, request_hash, status, owner, lease_until, updated_at, created_at)
        VALUES (${actor.id}, ${scope}, ${key}, ${hash}, 'in_progress', ${owner}, now() + make_interval(secs => ${LEASE_S}), now(), now())
        ON CONFLICT (user_id, scope, key) DO NOTHING RETURNING id`,
  )
  if (claimed[0]) return owned({ id: claimed[0].id, owner })

  const started = Date.now()
  for (;;) {
    const [row] = await execute<Row>(
      req,
      sql`SELECT id, request_hash, status, response_status, response_body, owner, applied_at IS NOT NULL AS applied, coalesce(lease_until < now(), false) AS expired
          FROM idempotency_keys WHERE user_id = ${actor.id} AND scope = ${scope} AND key = ${key}`,
    )
    if (!row) return withIdempotency(req, key, scope, body, handle) // the first attempt failed and let go
    if (row.request_hash !== hash) throw new ClientError('Idempotency-Key was used with a different request body.', 422)
    if (row.status === 'done') return { status: Number(row.response_status ?? 200), text: row.response_body ?? 'null' }
    if (row.expired && row.applied) {
      await execute(req, sql`UPDATE idempotency_keys SET status = 'done', response_status = ${LOST_ANSWER.status}, response_body = ${LOST_ANSWER.text}, updated_at = now() WHERE id = ${row.id} AND status = 'in_progress'`)
      continue
    }
    if (row.expired) {
      // Its owner is gone and nothing of it committed: this attempt takes the key over.
      const mine = randomUUID()
      const taken = await execute<{ id: number }>(
        req,
        sql`UPDATE idempotency_keys SET owner = ${mine}, lease_until = now() + make_interval(secs => ${LEASE_S}), updated_at = now()
            WHERE id = ${row.id} AND status = 'in_progress' AND applied_at IS NULL AND owner IS NOT DISTINCT FROM ${row.owner} RETURNING id`,
      )
      if (taken[0]) return owned({ id: row.id, owner: mine })
      continue
    }
    if (Date.now() - started > WAIT_MS) throw new ClientError('A request with this Idempotency-Key is still running; retry shortly.', 409)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
