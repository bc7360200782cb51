import type { CollectionSlug, PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { changedFieldNames } from '@/domain/audit/diff'
import { isStaffRole, isRole } from '@/domain/roles'
import { execute, sql } from '@/db/execute'
import { ClientError } from '@/errors'

export type ActivityItem = {
  id: number
  at: string
  kind: string
  action: string
  collection: string | null
  record: number | null
  /** Who acted, as the caller may know it: themself, staff, a writer, a client, the platform, or someone unknown (a failed login to their account). */
  by: 'you' | 'staff' | 'writer' | 'client' | 'platform' | 'someone'
  /** Names of the fields the change touched that the caller may read (never their values). */
  fields: string[]
}

type Row = { id: number; created_at: Date | string; kind: string; action: string; actor: string | number | null; actor_role: string | null; impersonator: string | number | null; target_collection: string | null; target_id: string | null; changes: unknown }

/**
 * Whether the caller reads `name` of the record as their access returned it: present,
 * and for a group not emptied by field rules (a group whose every field is hidden comes
 * back as an empty object).
 */
const readableIn = (record: Record<string, unknown>, name: string): boolean => {
  if (!(name in record)) return false
  const value = record[name]
  return !(value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
}

const byOf = (row: Row, self: number): ActivityItem['by'] => {
  // Done in the person's name by staff acting as them (an impersonation): staff did it.
  if (row.impersonator != null) return 'staff'
  if (row.actor != null && Number(row.actor) === self) return 'you'
  const role = row.actor_role ?? ''
  if (row.actor == null) return row.kind === 'security' ? 'someone' : 'platform'
  if (isRole(role) && isStaffRole(role)) return 'staff'
  return role === 'writer' ? 'writer' : role === 'client' ? 'client' : 'staff'
}

/**
 * The caller's activity feed: the trail of the records that name them (an order's client
 * or writer, their payments, fines, files, their own account), newest first, each row
 * only if the caller may read its record now, and each change reduced to the names of
 * the fields the caller may read (the record read through the caller's access: a
 * field they may not read is absent from it). Never a raw diff, never another's record.
 * Paged by `before` (an activity id), up to `limit` items.
 */
export const activityFeed = async (req: PayloadRequest, options: { before?: number; limit: number }): Promise<{ docs: ActivityItem[]; nextBefore: number | null }> => {
  const actor = actorOf(req)
  if (!actor || !req.user) throw new ClientError('Log in first.', 401)
  const docs: ActivityItem[] = []
  let before = options.before ?? 2_147_483_647
  const scan = options.limit * 3
  for (let round = 0; round < 5 && docs.length < options.limit; round++) {
    const websites = actor.allTenants ? sql`TRUE` : sql`tenant_id = ANY(${`{${actor.tenantIds.join(',')}}`}::integer[])`
    const rows = await execute<Row>(
      req,
      sql`SELECT id, created_at, kind::text AS kind, action, actor, actor_role, impersonator, target_collection, target_id, changes
            FROM audit_events
           WHERE parties @> ARRAY[${actor.id}]::integer[] AND ${websites} AND id < ${before}
           ORDER BY id DESC LIMIT ${scan}`,
    )
    if (rows.length === 0) {
      before = 0
      break
    }
    // Each record once, through the caller's access: what they may not read is absent.
    const byCollection = new Map<string, Set<number>>()
    for (const row of rows) {
      const id = Number(row.target_id)
      if (!row.target_collection || !Number.isInteger(id) || !req.payload.collections[row.target_collection as CollectionSlug]) continue
      const ids = byCollection.get(row.target_collection) ?? new Set<number>()
      ids.add(id)
      byCollection.set(row.target_collection, ids)
    }
    const readable = new Map<string, Record<string, unknown>>()
    for (const [collection, ids] of byCollection) {
      const { docs: found } = await req.payload.find({
        collection: collection as CollectionSlug,
        where: { id: { in: [...ids] } },
        depth: 0,
        limit: ids.size,
        pagination: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      for (const doc of found) readable.set(`${collection}:${doc.id}`, doc as unknown as Record<string, unknown>)
    }
    for (const row of rows) {
      before = Number(row.id)
      const record = readable.get(`${row.target_collection}:${Number(row.target_id)}`)
      if (!record) continue
      const fields = row.kind === 'change' || row.kind === 'workflow' ? changedFieldNames(row.changes).filter((name) => readableIn(record, name)) : []
      docs.push({ id: Number(row.id), at: new Date(row.created_at).toISOString(), kind: row.kind, action: row.action, collection: row.target_collection, record: Number(row.target_id), by: byOf(row, actor.id), fields })
      if (docs.length === options.limit) break
    }
    if (rows.length < scan && docs.length < options.limit) {
      before = 0
      break
    }
  }
  return { docs, nextBefore: before > 0 && docs.length === options.limit ? before : null }
}
