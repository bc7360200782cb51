import type { Access, FieldAccess, Where } from 'payload'

import type { Role } from '@/domain/roles'

import { actorOf, hasRole } from './actor'
import { inActorTenants, isSelf, MATCH_NOTHING } from './where'

/** Nobody, through any API. */
export const nobody: Access = () => false

export const authenticated: Access = ({ req }) => actorOf(req) !== null

export const isSuperadmin: Access = ({ req }) => hasRole(actorOf(req), 'superadmin')

/** Operations staff: staff-only reads of order records. */
export const isStaff = ({ req }: { req: Parameters<typeof actorOf>[0] }): boolean => actorOf(req)?.staff ?? false

/** May open the admin panel (operations staff and content editors). */
export const mayOpenPanel = ({ req }: { req: Parameters<typeof actorOf>[0] }): boolean => actorOf(req)?.panel ?? false

/** Superadmins see every row; other signed-in users see none (404, never 403). */
export const superadminRows: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  return actor.allTenants ? true : MATCH_NOTHING
}

export const hasAnyRole =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(actorOf(req), ...roles)

/**
 * Rows of the actor's websites, for the given roles (superadmin always). Logged-in users
 * without the role get MATCH_NOTHING; anonymous users get `false`.
 */
export const tenantRowsFor =
  (roles: Role[], field = 'tenant'): Access =>
  ({ req }) => {
    const actor = actorOf(req)
    if (!actor) return false
    if (actor.allTenants) return true
    if (!hasRole(actor, ...roles)) return MATCH_NOTHING
    return inActorTenants(actor, field)
  }

/** The user's own document (for the users collection). */
export const selfRow: Access = ({ req }) => {
  const actor = actorOf(req)
  return actor ? isSelf(actor) : false
}

/** Every row but the user's own (an admin never deletes their own account by accident). */
export const notSelf: Access = ({ req }) => {
  const actor = actorOf(req)
  return actor ? { id: { not_equals: actor.id } } : false
}

export const fieldForRoles =
  (...roles: Role[]): FieldAccess =>
  ({ req }) =>
    hasRole(actorOf(req), ...roles)

/**
 * Staff of the row's website (or only `staffRoles`) see every row; anyone else only rows naming them in
 * `ownField` (their interests, assignments, requests), or in any of several (a tip's client and writer),
 * within their websites.
 */
export const staffRowsOrOwn =
  (ownField: string | readonly string[], staffRoles?: Role[]): Access =>
  ({ req }) => {
    const actor = actorOf(req)
    if (!actor) return false
    const tenant = inActorTenants(actor)
    if (tenant === true) return true
    if (staffRoles ? hasRole(actor, ...staffRoles) : actor.staff) return tenant
    const fields = typeof ownField === 'string' ? [ownField] : ownField
    const own: Where = fields.length === 1 ? { [fields[0]!]: { equals: actor.id } } : { or: fields.map((field) => ({ [field]: { equals: actor.id } })) }
    return { and: [tenant, own] }
  }

/** A field staff read and nobody else (bookkeeping, internal settings). */
export const staffField: FieldAccess = ({ req }) => actorOf(req)?.staff ?? false

/** A field everyone who reads the document reads, except the given roles. */
export const fieldExceptFor =
  (...roles: Role[]): FieldAccess =>
  ({ req }) =>
    !hasRole(actorOf(req), ...roles)
