import type { Payload } from 'payload'

import { linkRows } from '@/domain/audit/chain'
import { poolOf } from '@/db/pool'

import { CHAIN_COLUMNS, chainedRowOf, chainPredicate, type ChainSqlRow } from './chainRows'

/** The advisory-lock class of the audit chains (the second key is the website's id, 0 for the platform). */
const CHAIN_LOCK = 15_001

/**
 * Links one website's new audit rows into its chain (see `src/domain/audit/chain.ts`):
 * in one transaction under that chain's advisory lock (held by this job only; writers
 * never take it), the rows without a hash in id order, up to `batch`, get seq, prevHash
 * and hash in one UPDATE — the only UPDATE the table's trigger lets through. Returns how
 * many rows it linked.
 */
export const chainWebsite = async (payload: Payload, tenant: number | null, batch = 2000): Promise<number> => {
  const pool = poolOf(payload)
  if (!pool) throw new Error('the audit chain needs the PostgreSQL pool')
  const client = await pool.connect()
  const where = chainPredicate(tenant)
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [CHAIN_LOCK, tenant ?? 0])
    const last = await client.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM audit_events WHERE ${where.text} AND hash IS NOT NULL ORDER BY seq DESC LIMIT 1`, where.params)
    const pending = await client.query<ChainSqlRow>(`SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE ${where.text} AND hash IS NULL ORDER BY id LIMIT ${Math.max(1, Math.floor(batch))}`, where.params)
    const head = last.rows[0] ? { seq: Number(last.rows[0].seq), hash: last.rows[0].hash } : null
    const links = linkRows(head, pending.rows.map(chainedRowOf))
    if (links.length > 0) {
      await client.query(
        `UPDATE audit_events AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::integer[], $2::numeric[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
          WHERE a.id = v.id`,
        [links.map((l) => l.id), links.map((l) => l.seq), links.map((l) => l.prevHash), links.map((l) => l.hash)],
      )
    }
    await client.query('COMMIT')
    return links.length
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** Every website's new rows linked, batch after batch, until none is left. Returns the rows linked. */
export const chainAuditTrail = async (payload: Payload, batch = 2000): Promise<{ linked: number }> => {
  const pool = poolOf(payload)
  if (!pool) throw new Error('the audit chain needs the PostgreSQL pool')
  const { rows } = await pool.query<{ tenant_id: number | null }>('SELECT DISTINCT tenant_id FROM audit_events WHERE hash IS NULL')
  let linked = 0
  for (const { tenant_id } of rows) {
    for (;;) {
      const n = await chainWebsite(payload, tenant_id, batch)
      linked += n
      if (n < batch) break
    }
  }
  return { linked }
}
