import { PANEL_ROLES } from '@/domain/roles'

/**
 * How long a session may sit idle and how many a person may hold at once (issue 16,
 * reference §2.3), per website and role. Staff sessions are short because a staff token
 * reaches every record of a website; writers sit between staff and clients.
 */
export const SESSION_DEFAULTS = {
  idleMinutes: { staff: 30, writer: 120, client: 480 },
  maxSessions: { staff: 5, writer: 5, client: 5 },
} as const

export type SessionRoleGroup = keyof typeof SESSION_DEFAULTS.idleMinutes

/** One website's session settings as its admin set them (null: the default). */
export type WebsiteSessionSettings = {
  idleMinutes: Partial<Record<SessionRoleGroup, number | null>>
  maxSessions: Partial<Record<SessionRoleGroup, number | null>>
}

export type SessionPolicy = { idleMinutes: number; maxSessions: number }

const staff = new Set<string>(PANEL_ROLES)

/** Which timeout applies: anyone who works in the admin panel (content editors too) is staff; else writer; else client. */
export const roleGroupOf = (roles: readonly string[] | null | undefined): SessionRoleGroup => {
  if (roles?.some((role) => staff.has(role))) return 'staff'
  return roles?.includes('writer') ? 'writer' : 'client'
}

const valueOf = (settings: WebsiteSessionSettings, kind: keyof WebsiteSessionSettings, group: SessionRoleGroup): number => {
  const set = settings[kind][group]
  return typeof set === 'number' && Number.isFinite(set) && set > 0 ? set : SESSION_DEFAULTS[kind][group]
}

/**
 * The policy of a person from the settings of their websites: the strictest of them (a
 * staff member of two websites gets the shorter timeout and the lower limit, since the
 * one token reaches both). No website (a superadmin without memberships is given every
 * website by the caller): the defaults.
 */
export const sessionPolicyOf = (roles: readonly string[] | null | undefined, websites: readonly WebsiteSessionSettings[]): SessionPolicy => {
  const group = roleGroupOf(roles)
  if (websites.length === 0) return { idleMinutes: SESSION_DEFAULTS.idleMinutes[group], maxSessions: SESSION_DEFAULTS.maxSessions[group] }
  return {
    idleMinutes: Math.min(...websites.map((w) => valueOf(w, 'idleMinutes', group))),
    maxSessions: Math.min(...websites.map((w) => valueOf(w, 'maxSessions', group))),
  }
}

/** Whether a session last active at `lastActiveMs` has been idle past its timeout at `nowMs`. */
export const idleExpired = (lastActiveMs: number, nowMs: number, idleMinutes: number): boolean => nowMs - lastActiveMs > idleMinutes * 60_000

/**
 * When the session ends if nothing more happens: after the idle timeout, or at its
 * absolute expiry if that is sooner.
 */
export const sessionEndsAt = (nowMs: number, idleMinutes: number, absoluteExpiry: Date | null): Date => {
  const idleEnd = nowMs + idleMinutes * 60_000
  return new Date(absoluteExpiry ? Math.min(idleEnd, absoluteExpiry.getTime()) : idleEnd)
}

/**
 * The sessions to end so that at most `limit` stay, the newest kept (a new login never
 * fails on the limit: the oldest gives way, reference `revoke_oldest_on_limit`).
 */
export const sessionsOverLimit = <S extends { id: string; createdAt: Date | string }>(sessions: readonly S[], limit: number): S[] => {
  const keep = Math.max(1, Math.floor(limit))
  if (sessions.length <= keep) return []
  const oldestFirst = [...sessions].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
  return oldestFirst.slice(0, sessions.length - keep)
}

/** Whether a stored activity stamp is worth writing to the database again (at most once a minute). */
export const ACTIVITY_WRITE_EVERY_S = 60

/**
 * Why a session ended, as its row and the audit trail say. An impersonation ends when
 * stopped (`impersonation_stopped`) or at its 30 minutes (`impersonation_expired`); staff
 * without a second factor are signed out when a website starts requiring one.
 */
export const SESSION_END_REASONS = ['logout', 'logout_all', 'revoked', 'idle', 'limit', 'password_change', 'impersonation_stopped', 'impersonation_expired', 'second_factor_required'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]
