import type { Pool } from 'pg'

import { type ChainBreak, checkLinks } from '@/domain/audit/chain'

import { CHAIN_COLUMNS, chainPredicate, type ChainSqlRow, storedLinkOf } from './chainRows'

export type ChainReport = { tenant: number | null; checked: number; pending: number; broken: ChainBreak | null }

const PAGE = 5000

/**
 * Recomputes one website's chain from its first link, in seq order, page by page:
 * the first row whose seq, prevHash or hash disagrees is named. Rows not linked yet
 * (the chain job has not reached them) are counted as pending, not as breaks.
 */
export const verifyChain = async (pool: Pool, tenant: number | null, progress?: (checked: number) => void): Promise<ChainReport> => {
  const where = chainPredicate(tenant)
  const next = where.params.length + 1
  let state: { seq: number; hash: string } | null = null
  let checked = 0
  for (;;) {
    const { rows } = await pool.query<ChainSqlRow>(
      `SELECT ${CHAIN_COLUMNS} FROM audit_events WHERE ${where.text} AND seq IS NOT NULL AND seq > $${next} ORDER BY seq LIMIT ${PAGE}`,
      [...where.params, state?.seq ?? 0],
    )
    const result = checkLinks(state, rows.map(storedLinkOf))
    if ('broken' in result) return { tenant, checked: checked + rows.findIndex((r) => Number(r.id) === result.broken.id), pending: 0, broken: result.broken }
    state = result.state
    checked += rows.length
    progress?.(checked)
    if (rows.length < PAGE) break
  }
  // A link that lost its seq, prevHash or hash (set back to empty) is a break too.
  const { rows: partial } = await pool.query<{ id: number }>(
    `SELECT id FROM audit_events WHERE ${where.text} AND (seq IS NULL) <> (hash IS NULL) OR ${where.text} AND (hash IS NULL) <> (prev_hash IS NULL) ORDER BY id LIMIT 1`,
    where.params,
  )
  if (partial[0]) return { tenant, checked, pending: 0, broken: { id: Number(partial[0].id), seq: null, problem: 'its chain columns were cleared in part' } }
  const { rows: counted } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE ${where.text} AND hash IS NULL`, where.params)
  return { tenant, checked, pending: Number(counted[0]?.n ?? 0), broken: null }
}

/** The chains to check: every website that has audit rows, and the platform's. */
export const chainsOf = async (pool: Pool): Promise<(number | null)[]> => {
  const { rows } = await pool.query<{ tenant_id: number | null }>('SELECT DISTINCT tenant_id FROM audit_events ORDER BY tenant_id NULLS FIRST')
  return rows.map((r) => (r.tenant_id == null ? null : Number(r.tenant_id)))
}
