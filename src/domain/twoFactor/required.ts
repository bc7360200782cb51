import { PANEL_ROLES } from '@/domain/roles'

const panel = new Set<string>(PANEL_ROLES)

/**
 * Whether a person must sign in with a second factor: anyone who works in the admin
 * panel, when any website they work on has `twoFactorRequired` on — a superadmin (every
 * website) when any website has. Clients and writers may enrol; they are never made to.
 */
export const secondFactorRequired = (roles: readonly string[] | null | undefined, websitesRequiring: readonly boolean[]): boolean =>
  Boolean(roles?.some((role) => panel.has(role))) && websitesRequiring.some(Boolean)
