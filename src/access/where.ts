import type { Where } from 'payload'

import type { Actor } from './actor'

/**
 * Matches no row. Row rules answer with it instead of `false` so that a document the
 * user may not touch looks exactly like one that does not exist (404, empty list),
 * never a 403 that confirms it is there.
 */
export const MATCH_NOTHING: Where = { id: { exists: false } }

/**
 * Rows whose tenant field lies in the actor's websites; `true` for superadmin. One
 * website (every client and writer, most staff) is an equality, not `in`: PostgreSQL
 * then walks the `(tenant, …, createdAt)` indexes in order for sorted pages, where
 * `tenant_id IN (…)` made it sort every matching row or scan by date across websites.
 */
export const inActorTenants = (actor: Actor, field = 'tenant'): Where | true => {
  if (actor.allTenants) return true
  if (actor.tenantIds.length === 0) return MATCH_NOTHING
  if (actor.tenantIds.length === 1) return { [field]: { equals: actor.tenantIds[0] } }
  return { [field]: { in: actor.tenantIds } }
}

export const isSelf = (actor: Actor): Where => ({ id: { equals: actor.id } })

const TENANT_KEYS = new Set(['tenant', 'version.tenant'])

/** `{ in: [id] }` (or the same id repeated) and nothing else: one website. */
const oneOf = (condition: unknown): { in: [unknown, ...unknown[]] } | null => {
  if (!condition || typeof condition !== 'object' || Object.keys(condition).length !== 1) return null
  const list = (condition as { in?: unknown }).in
  return Array.isArray(list) && list.length > 0 && list.every((id) => id === list[0]) ? (condition as { in: [unknown, ...unknown[]] }) : null
}

/**
 * The same rows, with a condition naming one website as `in: [id]` made an equality. The
 * multi-tenant plugin names the website that way (its access layer, the admin's selected
 * website), which Payload sends as `tenant_id IN (1, 1)`; beside our rules' `tenant_id = 1`,
 * PostgreSQL multiplied the three and took a 10,000-order website for a tiny one (the admin's
 * search by order number also scanned the website's index: its count 3.5 ms instead of
 * 0.8). Equalities on one column are one condition to the planner.
 */
export const oneWebsiteAsEquality = (where: Where): Where =>
  Object.fromEntries(
    Object.entries(where).map(([key, value]) => {
      if ((key === 'and' || key === 'or') && Array.isArray(value)) return [key, value.map((inner: Where) => oneWebsiteAsEquality(inner))]
      const one = TENANT_KEYS.has(key) ? oneOf(value) : null
      return [key, one ? { equals: one.in[0] } : value]
    }),
  )
