import type { Pool } from 'pg'

import type { KeyRing } from '@/domain/credentials/keyRing'
import { isCurrent, resealCredentials, type SealedCredentials } from '@/domain/credentials/seal'

import { sealContext } from './sealedRow'

export type ReencryptReport = { examined: number; reencrypted: number; alreadyCurrent: number; failed: number }

export type ReencryptOptions = {
  batchSize?: number
  /** After each batch: the counts so far. */
  progress?: (report: ReencryptReport) => void
  /** A row that could not be moved (its id and why; never a secret). */
  failure?: (row: number, problem: string) => void
}

type Row = { id: number; class_order_id: number; key_id: string; credentials_iv: string | null; credentials_tag: string | null; credentials_ciphertext: string | null }

/**
 * Rotation's second step: every stored credential not sealed under the ring's current
 * key is opened with its own (still in the ring) and sealed again under the current one,
 * in batches by id. Idempotent: a second run finds everything current. A row replaced
 * meanwhile (a client stored new ones) is left as it is, already current. A row that will
 * not open (its key gone from the ring, or altered) is counted as failed and left alone.
 */
export const reencryptCredentials = async (pool: Pool, ring: KeyRing, options: ReencryptOptions = {}): Promise<ReencryptReport> => {
  const batchSize = options.batchSize ?? 200
  const report: ReencryptReport = { examined: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0 }
  let after = 0
  for (;;) {
    const { rows } = await pool.query<Row>(
      'SELECT id, class_order_id, key_id, credentials_iv, credentials_tag, credentials_ciphertext FROM class_access WHERE id > $1 ORDER BY id LIMIT $2',
      [after, batchSize],
    )
    for (const row of rows) {
      report.examined += 1
      if (isCurrent({ keyId: row.key_id }, ring)) {
        report.alreadyCurrent += 1
        continue
      }
      if (!row.credentials_iv || !row.credentials_tag || !row.credentials_ciphertext) {
        report.failed += 1
        options.failure?.(row.id, 'its sealed parts are missing')
        continue
      }
      const sealed: SealedCredentials = { keyId: row.key_id, iv: row.credentials_iv, tag: row.credentials_tag, ciphertext: row.credentials_ciphertext }
      let moved: SealedCredentials
      try {
        moved = resealCredentials(sealed, ring, sealContext(Number(row.class_order_id)))
      } catch (error) {
        report.failed += 1
        options.failure?.(row.id, error instanceof Error ? error.message : String(error))
        continue
      }
      // Only if nobody replaced the row since it was read.
      const { rowCount } = await pool.query(
        'UPDATE class_access SET key_id = $1, credentials_iv = $2, credentials_tag = $3, credentials_ciphertext = $4, updated_at = now() WHERE id = $5 AND key_id = $6 AND credentials_ciphertext = $7',
        [moved.keyId, moved.iv, moved.tag, moved.ciphertext, row.id, row.key_id, row.credentials_ciphertext],
      )
      if (rowCount === 1) report.reencrypted += 1
      else report.alreadyCurrent += 1
    }
    if (rows.length > 0) options.progress?.({ ...report })
    if (rows.length < batchSize) break
    after = Number(rows[rows.length - 1]!.id)
  }
  return report
}
