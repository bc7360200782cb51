import { createHash } from 'node:crypto'

import { stableJson } from './diff'

/**
 * The audit trail's hash chain (one per website; the platform's rows without a website
 * form chain 0).
 *
 * Rows are inserted by the writes they record, in those writes' transactions, with only
 * the global `id` (a sequence: no lock, no read of other rows). A job then walks each
 * website's rows that have no hash yet in id order and gives each
 *   seq = previous seq + 1, prevHash = previous hash, hash = sha256(prevHash + canonical(row)),
 * under an advisory lock of that website's chain held by the job alone, so writers never
 * wait for each other or for the chain. A row whose transaction commits late (a lower
 * id seen after higher ones) simply joins the chain when it becomes visible: `seq`, not
 * `id`, is the chain's order. `npm run audit:verify` recomputes every chain in seq
 * order and names the first row whose seq, prevHash or hash disagrees.
 */
export const GENESIS = '0'.repeat(64)

/** The columns a hash covers, as read back from the database. */
export type ChainedRow = {
  id: number
  tenant: number | null
  kind: string
  action: string
  actor: number | null
  actorEmail: string | null
  actorRole: string | null
  targetCollection: string | null
  targetId: string | null
  changes: unknown
  parties: readonly number[]
  address: string | null
  userAgent: string | null
  requestId: string | null
  createdAt: string
  /** The staff member acting as the actor (issue 16); hashed only when set, so earlier links still verify. */
  impersonator?: number | null
}

/** The row's canonical text: its covered columns as JSON with sorted keys. */
export const canonicalRow = (row: ChainedRow): string =>
  stableJson({
    id: row.id,
    tenant: row.tenant,
    kind: row.kind,
    action: row.action,
    actor: row.actor,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    targetCollection: row.targetCollection,
    targetId: row.targetId,
    changes: row.changes ?? null,
    parties: [...row.parties],
    address: row.address,
    userAgent: row.userAgent,
    requestId: row.requestId,
    createdAt: row.createdAt,
    ...(row.impersonator != null ? { impersonator: row.impersonator } : {}),
  })

export const chainHash = (prevHash: string, row: ChainedRow): string => createHash('sha256').update(prevHash).update(canonicalRow(row)).digest('hex')

export type ChainLink = { id: number; seq: number; prevHash: string; hash: string }

/** Links for `rows` (in id order) following the chain's last link (`null`: the chain is empty). */
export const linkRows = (last: { seq: number; hash: string } | null, rows: readonly ChainedRow[]): ChainLink[] => {
  let seq = last?.seq ?? 0
  let prevHash = last?.hash ?? GENESIS
  return rows.map((row) => {
    seq += 1
    const hash = chainHash(prevHash, row)
    const link = { id: row.id, seq, prevHash, hash }
    prevHash = hash
    return link
  })
}

export type StoredLink = ChainedRow & { seq: number | null; prevHash: string | null; hash: string | null }

export type ChainBreak = { id: number; seq: number | null; problem: string }

/**
 * Checks one website's chained rows, given in seq order, from `state` (the last good
 * link before them; null at the chain's start). Returns the first break, or the state
 * to continue from with the next rows.
 */
export const checkLinks = (state: { seq: number; hash: string } | null, rows: readonly StoredLink[]): { broken: ChainBreak } | { state: { seq: number; hash: string } | null } => {
  let seq = state?.seq ?? 0
  let prevHash = state?.hash ?? GENESIS
  for (const row of rows) {
    if (row.seq !== seq + 1) return { broken: { id: row.id, seq: row.seq, problem: `sequence ${row.seq ?? 'none'} where ${seq + 1} was due (a row is missing or was moved)` } }
    if (row.prevHash !== prevHash) return { broken: { id: row.id, seq: row.seq, problem: 'its previous hash is not the hash of the row before it' } }
    const hash = chainHash(prevHash, row)
    if (row.hash !== hash) return { broken: { id: row.id, seq: row.seq, problem: 'its content does not match its hash (the row was edited)' } }
    seq = row.seq
    prevHash = hash
  }
  return { state: seq === 0 ? null : { seq, hash: prevHash } }
}
