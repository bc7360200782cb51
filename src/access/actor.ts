import type { PayloadRequest, TypedUser } from 'payload'

import { isPanelRole, isRole, isStaffRole, type Role } from '@/domain/roles'

/** What access rules need to know about the user making a request, computed once. */
export type Actor = {
  id: number
  roles: Role[]
  /** Websites the user belongs to (ignored when `allTenants`). */
  tenantIds: number[]
  /** Superadmin: every website, present and future. */
  allTenants: boolean
  /** Operations staff (superadmin, admin, editor, support): reads its websites' order records. */
  staff: boolean
  /** May open the admin panel: operations staff and content editors. */
  panel: boolean
}

type UserLike = Pick<TypedUser, 'id'> & {
  roles?: readonly string[] | null
  tenants?: readonly { tenant?: number | { id: number } | null }[] | null
}

/** The id of a relationship value, populated or not. */
export const idOf = (value: number | { id: number } | null | undefined): number | null =>
  value == null ? null : typeof value === 'number' ? value : value.id

export const actorFromUser = (user: UserLike): Actor => {
  const roles = (user.roles ?? []).filter(isRole)
  const tenantIds = [
    ...new Set((user.tenants ?? []).map((row) => idOf(row.tenant)).filter((id): id is number => id !== null)),
  ]
  return {
    id: Number(user.id),
    roles,
    tenantIds,
    allTenants: roles.includes('superadmin'),
    staff: roles.some(isStaffRole),
    panel: roles.some(isPanelRole),
  }
}

const CONTEXT_KEY = 'scriptoriumActor'

/**
 * The request's actor, or null for an anonymous request. Cached on `req.context`
 * (keyed by user id, since login swaps the user mid-request).
 */
export const actorOf = (req: Pick<PayloadRequest, 'user' | 'context'>): Actor | null => {
  const user = req.user as UserLike | null | undefined
  if (!user) return null
  const cached = req.context[CONTEXT_KEY] as Actor | undefined
  if (cached && cached.id === Number(user.id)) return cached
  const actor = actorFromUser(user)
  req.context[CONTEXT_KEY] = actor
  return actor
}

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean =>
  actor !== null && actor.roles.some((role) => roles.includes(role))
