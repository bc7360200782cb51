import type { Role } from '../roles'

type Person = { id: number; roles: readonly Role[]; tenantIds: readonly number[] }

/**
 * Why `caller` may not take `target`'s second factor away (for someone who lost their
 * phone and their recovery codes), or null. A superadmin resets anyone but themselves;
 * an admin resets the people of their own websites below admin (another admin or a
 * superadmin could otherwise be opened up by a peer); nobody resets their own, which
 * takes a code of the factor (`/api/users/2fa/disable`).
 */
export const secondFactorResetRefusal = (caller: Person & { allTenants: boolean }, target: Person): string | null => {
  if (caller.id === target.id) return 'Switch your own two-factor sign-in off in your account, with a code of your app or a recovery code.'
  if (caller.allTenants) return null
  if (!caller.roles.includes('admin')) return 'Only an admin of the person’s website (or a superadmin) resets their two-factor sign-in.'
  if (target.roles.includes('superadmin') || target.roles.includes('admin')) return 'An admin’s two-factor sign-in is reset by a superadmin.'
  return target.tenantIds.some((t) => caller.tenantIds.includes(t)) ? null : 'Only an admin of the person’s website (or a superadmin) resets their two-factor sign-in.'
}
