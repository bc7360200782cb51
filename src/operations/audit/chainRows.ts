import type { ChainedRow, StoredLink } from '@/domain/audit/chain'

/** The columns a chain link covers, as SQL selects them (see `rowOf`). */
export const CHAIN_COLUMNS = 'id, tenant_id, kind::text AS kind, action, actor, actor_email, actor_role, target_collection, target_id, changes, parties, address, user_agent, request_id, impersonator, created_at, seq, prev_hash, hash'

export type ChainSqlRow = {
  id: number
  tenant_id: number | null
  kind: string
  action: string
  actor: string | number | null
  actor_email: string | null
  actor_role: string | null
  target_collection: string | null
  target_id: string | null
  changes: unknown
  parties: number[] | null
  address: string | null
  user_agent: string | null
  request_id: string | null
  impersonator: string | number | null
  created_at: Date | string
  seq: string | number | null
  prev_hash: string | null
  hash: string | null
}

/** A row as node-postgres returns it, in the shape the chain hashes (numeric columns come back as text). */
export const chainedRowOf = (row: ChainSqlRow): ChainedRow => ({
  id: Number(row.id),
  tenant: row.tenant_id == null ? null : Number(row.tenant_id),
  kind: row.kind,
  action: row.action,
  actor: row.actor == null ? null : Number(row.actor),
  actorEmail: row.actor_email,
  actorRole: row.actor_role,
  targetCollection: row.target_collection,
  targetId: row.target_id,
  changes: row.changes ?? null,
  parties: (row.parties ?? []).map(Number),
  address: row.address,
  userAgent: row.user_agent,
  requestId: row.request_id,
  createdAt: new Date(row.created_at).toISOString(),
  impersonator: row.impersonator == null ? null : Number(row.impersonator),
})

export const storedLinkOf = (row: ChainSqlRow): StoredLink => ({
  ...chainedRowOf(row),
  seq: row.seq == null ? null : Number(row.seq),
  prevHash: row.prev_hash,
  hash: row.hash,
})

/** The SQL condition for one chain: a website's rows, or the platform's (no website). */
export const chainPredicate = (tenant: number | null): { text: string; params: number[] } =>
  tenant === null ? { text: 'tenant_id IS NULL', params: [] } : { text: 'tenant_id = $1', params: [tenant] }
