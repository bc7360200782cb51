import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import type { AuditKind } from '@/domain/audit/actions'
import type { Changes } from '@/domain/audit/diff'
import { poolOf } from '@/db/pool'
import { execute, sql } from '@/db/execute'
import { clientIp } from '@/security/rateLimits'

import { impersonationOf } from '../sessions/impersonating'

/** One row of the trail as an operation describes it; who, where from and when come from the request. */
export type AuditEntry = {
  kind: AuditKind
  action: string
  tenant: number | null
  targetCollection?: string | null
  targetId?: number | string | null
  changes?: Changes | Record<string, unknown> | null
  /** The users the record names (the activity feed's owners). */
  parties?: readonly number[]
  /** Who acted, when it is not the request's user (a failed login's email, a logout's user). */
  actor?: { id: number | null; email: string | null; role: string | null }
  /** The staff member acting as the actor, when it is not the request's impersonation. */
  impersonator?: number | null
}

const REQUEST_ID = 'scriptoriumRequestId'

/** The request's id: the `X-Request-Id` a proxy set, else one made up once per request, shared by all its rows. */
export const requestIdOf = (req: Pick<PayloadRequest, 'context' | 'headers'>): string => {
  const known = req.context[REQUEST_ID]
  if (typeof known === 'string') return known
  const header = req.headers?.get?.('x-request-id')?.slice(0, 128)
  const id = header && /^[\w.:-]+$/.test(header) ? header : randomUUID()
  req.context[REQUEST_ID] = id
  return id
}

const actorColumns = (req: PayloadRequest, entry: AuditEntry) => {
  if (entry.actor) return entry.actor
  const user = req.user as { id?: unknown; email?: unknown } | null | undefined
  const actor = actorOf(req)
  if (!actor || !user) return { id: null, email: null, role: 'system' }
  return { id: actor.id, email: typeof user.email === 'string' ? user.email : null, role: actor.roles[0] ?? null }
}

const cut = (value: string | null | undefined, max: number): string | null => (value ? value.slice(0, max) : null)

type Values = [number | null, string, string, number | null, string | null, string | null, string | null, string | null, string | null, string, string, string | null, string, number | null]

/** The row's column values, in `COLUMNS` order. */
const valuesOf = (req: PayloadRequest, entry: AuditEntry): Values => {
  const actor = actorColumns(req, entry)
  const parties = `{${[...(entry.parties ?? [])].filter((n) => Number.isInteger(n)).join(',')}}`
  return [
    entry.tenant,
    entry.kind,
    entry.action.slice(0, 80),
    actor.id,
    cut(actor.email, 320),
    cut(actor.role, 40),
    entry.targetCollection ?? null,
    entry.targetId == null ? null : String(entry.targetId),
    entry.changes ? JSON.stringify(entry.changes) : null,
    parties,
    req.headers ? clientIp(req) : 'unknown',
    cut(req.headers?.get?.('user-agent'), 512),
    requestIdOf(req),
    // Both users of every row written on an impersonated request (issue 16).
    entry.impersonator !== undefined ? entry.impersonator : (impersonationOf(req)?.by ?? null),
  ]
}

const COLUMNS = 'tenant_id, kind, action, actor, actor_email, actor_role, target_collection, target_id, changes, parties, address, user_agent, request_id, impersonator'

type TransactionId = string | number

/**
 * Rows waiting for their transaction's commit, by transaction: an operation that owns its
 * transaction (`inTransaction`) writes them in one INSERT just before it commits, instead
 * of one statement per business write (a wallet payment writes seven records).
 */
const pending = new Map<TransactionId, Values[]>()

const transactionOf = async (req: PayloadRequest): Promise<TransactionId | undefined> => (req.transactionID ? await req.transactionID : undefined)

const insertRows = (req: PayloadRequest, rows: readonly Values[]) =>
  execute(
    req,
    sql`INSERT INTO audit_events (${sql.raw(COLUMNS)}) VALUES ${sql.join(
      rows.map((v) => sql`(${v[0]}, ${v[1]}, ${v[2]}, ${v[3]}, ${v[4]}, ${v[5]}, ${v[6]}, ${v[7]}, ${v[8]}::jsonb, ${v[9]}::integer[], ${v[10]}, ${v[11]}, ${v[12]}, ${v[13]})`),
      sql`, `,
    )}`,
  )

/**
 * Writes one audit row in the request's transaction (with the business change it
 * records: a rolled-back change leaves no row), or on its own when there is none. In a
 * transaction that batches its rows (`batchAuditRows`) the row waits for the batch.
 */
export const recordAudit = async (req: PayloadRequest, entry: AuditEntry): Promise<void> => {
  const values = valuesOf(req, entry)
  const id = await transactionOf(req)
  const batch = id === undefined ? undefined : pending.get(id)
  if (batch) batch.push(values)
  else await insertRows(req, [values])
}

/**
 * Makes the request's transaction batch its audit rows; returns the flush to run just
 * before the commit (it writes them, in the order they were recorded, in one INSERT) and
 * the discard for a rollback. For the owner of the transaction only (`inTransaction`).
 */
export const batchAuditRows = async (req: PayloadRequest): Promise<{ flush: () => Promise<void>; discard: () => void }> => {
  const id = await transactionOf(req)
  if (id === undefined) return { flush: async () => {}, discard: () => {} }
  const rows: Values[] = []
  pending.set(id, rows)
  return {
    flush: async () => {
      pending.delete(id)
      // A nested Payload operation that failed has rolled the transaction back already
      // (its `killTransaction`) even if the error was then caught: its rows record
      // changes that never happened.
      if ((await transactionOf(req)) !== id) return
      if (rows.length > 0) await insertRows(req, rows)
    },
    discard: () => {
      pending.delete(id)
    },
  }
}

/**
 * Writes one security row on a pooled connection of its own, committed at once: a
 * refused login rolls its request back, and its trace must stay. A failure to write it
 * is logged, never the request's answer.
 */
export const recordSecurityEvent = async (req: PayloadRequest, entry: AuditEntry): Promise<void> => {
  try {
    const pool = poolOf(req.payload)
    if (!pool) throw new Error('no PostgreSQL pool')
    await pool.query(`INSERT INTO audit_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::integer[], $11, $12, $13, $14)`, valuesOf(req, entry))
  } catch (error) {
    req.payload.logger.error({ err: error, action: entry.action }, 'could not record a security event in the audit trail')
  }
}
