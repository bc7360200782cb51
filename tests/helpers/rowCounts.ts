import type { Payload } from 'payload'

import { poolOf } from '../../src/db/pool'

/** The number of rows of every table of the database, by table: what "wrote nothing" is checked against. */
export const rowCounts = async (payload: Payload): Promise<Record<string, number>> => {
  const pool = poolOf(payload)!
  const { rows: tables } = await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1")
  const { rows } = await pool.query<{ name: string; n: string }>(tables.map((t) => `SELECT '${t.name}' AS name, count(*) AS n FROM "${t.name}"`).join(' UNION ALL '))
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]))
}
