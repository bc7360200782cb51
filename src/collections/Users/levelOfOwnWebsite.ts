import type { RelationshipFieldSingleValidation } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'

/**
 * A writer's level is one of their own website's levels: a level of another website would
 * pay them by that website's card (and lets an admin reach across websites by id).
 */
export const levelOfOwnWebsite: RelationshipFieldSingleValidation = async (value, { data, req }) => {
  const id = idOf(value as never)
  if (id === null || id === undefined) return true
  const level = await req.payload.findByID({ collection: 'writer-levels', id, depth: 0, ...asSystem(proofOf(req)), req, disableErrors: true, select: { tenant: true } })
  if (!level) return 'There is no such writer level.'
  const websites = ((data as { tenants?: { tenant?: unknown }[] } | undefined)?.tenants ?? []).map((t) => idOf(t.tenant as never))
  return websites.includes(idOf(level.tenant)) || 'The level must be one of the writer’s own website’s levels.'
}
