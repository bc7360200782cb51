import type { Role } from '../roles'

/**
 * Who the actor is to a record of a staff-run workflow (invoices, payouts): their roles,
 * whether the record belongs to one of their websites, and whether they are a
 * superadmin (every website).
 */
export type WebsiteActor = { roles: readonly Role[]; ofWebsite: boolean; superadmin: boolean }

/** Staff in one of `roles` of the record's website, or a superadmin. */
export const staffOf =
  (...roles: Role[]) =>
  (actor: WebsiteActor): boolean =>
    actor.superadmin || (actor.ofWebsite && actor.roles.some((role) => roles.includes(role)))

/** The request's actor as seen from a record of `tenant`. */
export const onWebsite = (actor: { roles: readonly Role[]; tenantIds: readonly number[]; allTenants: boolean }, tenant: number): WebsiteActor => ({
  roles: actor.roles,
  ofWebsite: actor.tenantIds.includes(tenant),
  superadmin: actor.allTenants,
})

/** The platform acting (schedules): for guards that look at the actor at all. */
export const PLATFORM: WebsiteActor = { roles: ['superadmin'], ofWebsite: true, superadmin: true }

export const nobody = (): boolean => false
