import type { CollectionBeforeValidateHook } from 'payload'

import { actorOf } from '@/access/actor'
import { resolveTenant } from '@/operations/resolveTenant'

/**
 * A new document of a tenant-scoped collection without a `tenant` belongs to the
 * request's website when the user holds it, else to the user's only website. Anything
 * else is left for validation to refuse; a tenant the user does not hold is refused by
 * the multi-tenant plugin.
 */
export const stampTenant: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data || data.tenant) return data
  const actor = actorOf(req)
  if (!actor) return data
  const { tenant } = await resolveTenant(req)
  if (tenant && (actor.allTenants || actor.tenantIds.includes(tenant.id))) return { ...data, tenant: tenant.id }
  if (actor.tenantIds.length === 1) return { ...data, tenant: actor.tenantIds[0] }
  return data
}
