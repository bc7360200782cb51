import { grantableRoles, isPanelRole, isSingleTenantRole, type Role } from './roles'

/**
 * Who may change a user's roles and websites, and which combinations are valid.
 * Pure: the users collection turns the answers into 403 / 400 responses.
 */

export type Membership = { roles: readonly Role[]; tenantIds: readonly number[] }

export type MembershipActor = Membership & { id: number }

export type MembershipProblem = { field: 'roles' | 'tenants'; message: string }

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x))

/** Shape rules that hold whoever makes the change (400 when broken). */
export const membershipShapeProblem = (m: Membership): MembershipProblem | null => {
  if (m.roles.length !== 1) return { field: 'roles', message: 'A user has exactly one role.' }
  const role = m.roles[0]!
  if (isSingleTenantRole(role) && m.tenantIds.length !== 1) {
    return { field: 'tenants', message: `A ${role} belongs to exactly one website.` }
  }
  if (role !== 'superadmin' && isPanelRole(role) && m.tenantIds.length === 0) {
    return { field: 'tenants', message: 'Staff belong to at least one website.' }
  }
  return null
}

/**
 * Permission rules (403 when broken). `before` is null on create. A change that touches
 * neither roles nor websites is always allowed here.
 */
export const membershipChangeProblem = (args: {
  actor: MembershipActor
  targetId: number | null
  before: Membership | null
  after: Membership
}): MembershipProblem | null => {
  const { actor, targetId, before, after } = args
  const rolesChanged = !before || !sameSet(before.roles, after.roles)
  const tenantsChanged = !before || !sameSet(before.tenantIds, after.tenantIds)
  if (!rolesChanged && !tenantsChanged) return null
  if (actor.roles.includes('superadmin')) return null

  const field = rolesChanged ? 'roles' : 'tenants'
  if (!actor.roles.includes('admin')) {
    return { field, message: `Only an admin may change a user's ${field === 'roles' ? 'role' : 'websites'}.` }
  }
  if (targetId !== null && targetId === actor.id) {
    return { field, message: 'You cannot change your own role or websites.' }
  }
  if (before?.roles.includes('superadmin')) {
    return { field, message: 'Only a superadmin may change a superadmin.' }
  }
  const granted = grantableRoles(actor.roles)
  const refused = after.roles.find((role) => !granted.includes(role))
  if (rolesChanged && refused) {
    return { field: 'roles', message: `You may not grant the role "${refused}".` }
  }
  if (tenantsChanged) {
    const was = before?.tenantIds ?? []
    const touched = [
      ...after.tenantIds.filter((id) => !was.includes(id)),
      ...was.filter((id) => !after.tenantIds.includes(id)),
    ]
    const foreign = touched.find((id) => !actor.tenantIds.includes(id))
    if (foreign !== undefined) {
      return { field: 'tenants', message: `You may only grant or remove websites you belong to (website ${foreign}).` }
    }
  }
  return null
}
