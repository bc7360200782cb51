import type { PayloadRequest, Where } from 'payload'

import { type Actor, actorOf } from '@/access/actor'
import { DEFAULT_TIME_ZONE } from '@/domain/timeZone'
import { ClientError, refuseField } from '@/errors'

export type DashboardWebsite = { id: number; name: string; slug: string; currency: string; timeZone: string }

/** Whose dashboard, over which websites; `named` is the one website asked for, null for all the caller's. */
export type DashboardScope = { actor: Actor; websites: DashboardWebsite[]; named: number[] | null }

/**
 * The staff caller and the websites the figures cover: the one named by `?tenant=` when
 * it is theirs (403 naming `tenant` otherwise: the admin's website selector is a filter,
 * never access), else all of theirs (a superadmin: every website). Read as the caller.
 */
export const dashboardScope = async (req: PayloadRequest, tenant: number | null): Promise<DashboardScope> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  if (!actor.panel) throw new ClientError('The dashboard is for staff.', 403)
  if (tenant !== null && !actor.allTenants && !actor.tenantIds.includes(tenant)) {
    throw refuseField('tenants', 'tenant', `tenant: website ${tenant} is not one of yours.`, 403)
  }
  const where: Where | null = tenant !== null ? { id: { equals: tenant } } : actor.allTenants ? {} : actor.tenantIds.length > 0 ? { id: { in: actor.tenantIds } } : null
  const found = where
    ? await req.payload.find({
        collection: 'tenants',
        where,
        sort: 'name',
        pagination: false,
        depth: 0,
        select: { name: true, slug: true, currency: true, settings: { timeZone: true } },
        overrideAccess: false,
        user: req.user,
        req,
      })
    : { docs: [] }
  if (tenant !== null && found.docs.length === 0) throw refuseField('tenants', 'tenant', `tenant: no website ${tenant}.`, 404)
  const websites = found.docs.map((doc) => ({ id: doc.id, name: doc.name, slug: doc.slug, currency: doc.currency, timeZone: doc.settings?.timeZone ?? DEFAULT_TIME_ZONE }))
  return { actor, websites, named: tenant !== null ? [tenant] : null }
}
