import type { Payload } from 'payload'

import { poolOf } from '../../src/db/pool'

/**
 * Tables that record a refusal on purpose, so a refused request may still add to them.
 * Every other table must be exactly as it was after a 4xx. Rate-limit and login-failure
 * counters live in Redis or memory (src/security), not here, so they need no entry.
 */
export const RECORDS_REFUSALS: Record<string, string> = {
  idempotency_keys: 'a money POST or order placement stores its answer under the Idempotency-Key, refusals too, so a retry with the key gets the same refusal instead of running again',
  audit_events: 'a refused login is a security event: the audit trail records it on a connection of its own, so the refusal keeps its trace (src/hooks/auditSecurity.ts)',
  class_access_views: 'every attempt to read class-portal credentials, refused ones too, is the access log the issue asks for (src/operations/credentials/accessLog.ts)',
}

export type Snapshot = Map<string, { rows: number; updated: string | null }>

let statement: string | null = null

/** Row count and latest `updated_at` (an update leaves the count alone) of every table. */
export const snapshot = async (payload: Payload): Promise<Snapshot> => {
  const pool = poolOf(payload)!
  if (!statement) {
    const { rows: tables } = await pool.query<{ name: string; stamped: boolean }>(
      `SELECT t.table_name AS name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'updated_at') AS stamped
         FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
    statement = tables.map((t) => `SELECT '${t.name}' AS name, count(*) AS n, ${t.stamped ? 'max(updated_at)::text' : 'NULL::text'} AS updated FROM "${t.name}"`).join(' UNION ALL ')
  }
  const { rows } = await pool.query<{ name: string; n: string; updated: string | null }>(statement)
  return new Map(rows.map((r) => [r.name, { rows: Number(r.n), updated: r.updated }]))
}

/** The tables a request changed (outside RECORDS_REFUSALS), as `table: rows a → b` lines. */
export const changedTables = (before: Snapshot, after: Snapshot): string[] =>
  [...after]
    .filter(([name]) => !(name in RECORDS_REFUSALS))
    .flatMap(([name, now]) => {
      const then = before.get(name)
      if (!then) return [`${name}: new table`]
      if (then.rows !== now.rows) return [`${name}: ${then.rows} → ${now.rows} rows`]
      if (then.updated !== now.updated) return [`${name}: updated_at ${then.updated} → ${now.updated}`]
      return []
    })
