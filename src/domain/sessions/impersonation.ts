import type { Role } from '@/domain/roles'

/**
 * Impersonation (issue 16, reference §2.4): staff act as one of their websites' people to
 * see what they see. Short, audited, and kept away from money and the account's keys.
 */

/** The longest an impersonation lasts, from its start, whatever the target's idle timeout. */
export const IMPERSONATION_MINUTES = 30

/** A reason is required: long enough to say something, short enough for the trail. */
export const IMPERSONATION_REASON = { min: 10, max: 500 } as const

/** The token's claim that marks an impersonation session: the impersonator's user id. */
export const IMPERSONATOR_CLAIM = 'impersonatedBy'

export type ImpersonationParty = { id: number; roles: readonly Role[]; tenantIds: readonly number[]; allTenants: boolean }

export type ImpersonationTarget = ImpersonationParty & { suspended: boolean; websiteActive: boolean }

/** Why an impersonation is refused, or null when it may start. */
export type ImpersonationRefusal = { status: 403 | 422; message: string }

const ADMIN_MAY_ACT_AS: readonly Role[] = ['client', 'writer']

/**
 * Whether `staff` may act as `target`: a superadmin as anyone but a superadmin; an admin
 * only as a client or writer of one of their websites; nobody as themself, and nobody as
 * a suspended person or one of an inactive website (they could not sign in themselves).
 */
export const impersonationRefusal = (staff: ImpersonationParty, target: ImpersonationTarget): ImpersonationRefusal | null => {
  if (staff.id === target.id) return { status: 403, message: 'user: you cannot impersonate yourself.' }
  if (target.roles.includes('superadmin')) return { status: 403, message: 'user: a superadmin cannot be impersonated.' }
  if (!staff.roles.includes('superadmin')) {
    if (!staff.roles.includes('admin')) return { status: 403, message: 'Only admins and superadmins may impersonate.' }
    if (target.roles.length === 0 || !target.roles.every((role) => ADMIN_MAY_ACT_AS.includes(role))) {
      return { status: 403, message: 'user: an admin may impersonate only clients and writers.' }
    }
    if (!target.tenantIds.some((id) => staff.tenantIds.includes(id))) return { status: 403, message: 'user: not a person of your websites.' }
  }
  if (target.suspended) return { status: 422, message: 'user: a suspended account cannot be impersonated.' }
  if (!target.websiteActive) return { status: 422, message: 'user: the person’s website is inactive.' }
  return null
}

/** When an impersonation that began at `startedMs` ends: 30 minutes later at most. */
export const impersonationEndsAt = (startedMs: number): Date => new Date(startedMs + IMPERSONATION_MINUTES * 60_000)

/** Whether an impersonation that began at `startedMs` is over at `nowMs`. */
export const impersonationOver = (startedMs: number, nowMs: number): boolean => nowMs >= impersonationEndsAt(startedMs).getTime()

/**
 * Where the target's portal picks the session up: the website's primary domain, the token
 * in the fragment (`#token=…`). A fragment never leaves the browser (no server log, no
 * Referer, no proxy sees it); the portal reads it, keeps the token in memory or session
 * storage, and removes it from the address bar. Plain http only for local development
 * hosts (`*.localhost`).
 */
export const portalUrlOf = (domain: string, token: string): string => {
  const host = domain.trim().toLowerCase()
  const scheme = host === 'localhost' || host.endsWith('.localhost') ? 'http' : 'https'
  return `${scheme}://${host}/#token=${encodeURIComponent(token)}`
}

/**
 * The account's keys: the fields of a user an impersonation may not change (email,
 * password, roles, websites, and anything of the second factor, whose fields start
 * with `twoFactor`, `mfa`, `totp` or `recoveryCodes`).
 */
const PROTECTED_USER_FIELDS = new Set(['email', 'password', 'roles', 'tenants'])
const SECOND_FACTOR = /^(twoFactor|mfa|totp|recoveryCodes)/i

export const protectedUserFields = (fields: Iterable<string>): string[] => [...fields].filter((name) => PROTECTED_USER_FIELDS.has(name) || SECOND_FACTOR.test(name))
