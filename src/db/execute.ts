import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

type SQL = ReturnType<typeof sql>

type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Runs raw SQL on the request's transaction when it has one (so it commits or rolls
 * back with the rest of the change), else on the pool. For the few statements the
 * Local API cannot express atomically (counters, row locks).
 */
export const execute = async <Row extends Record<string, unknown>>(req: PayloadRequest, query: SQL): Promise<Row[]> => {
  const db = req.payload.db as unknown as { drizzle: Executor; sessions?: Record<string, { db: Executor }> }
  const id = req.transactionID ? await req.transactionID : undefined
  const session = id ? db.sessions?.[String(id)] : undefined
  const result = await (session?.db ?? db.drizzle).execute(query)
  return result.rows as Row[]
}

export { sql }
