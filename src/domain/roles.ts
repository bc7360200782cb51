/** The seven roles of the platform. One list so that access, seed and validation agree. */
export const ROLES = ['superadmin', 'admin', 'editor', 'support', 'content', 'writer', 'client'] as const
export type Role = (typeof ROLES)[number]

/**
 * Operations staff: they run orders, people and money, and read the records of their
 * websites' orders (users, files, messages, events). The content editor is not one.
 */
export const STAFF_ROLES = ['superadmin', 'admin', 'editor', 'support'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Roles that may open the admin panel: operations staff and content editors. */
export const PANEL_ROLES = [...STAFF_ROLES, 'content'] as const
export type PanelRole = (typeof PANEL_ROLES)[number]

/** Roles whose accounts belong to exactly one website and can log in only there. */
export const SINGLE_TENANT_ROLES = ['writer', 'client'] as const

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value)

export const isStaffRole = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role)

export const isPanelRole = (role: Role): boolean => (PANEL_ROLES as readonly Role[]).includes(role)

export const isSingleTenantRole = (role: Role): boolean =>
  (SINGLE_TENANT_ROLES as readonly Role[]).includes(role)

/**
 * Which roles a staff member may hand out. Superadmin grants anything; an admin grants
 * every role below superadmin; nobody else grants roles.
 */
export const grantableRoles = (granter: readonly Role[]): readonly Role[] => {
  if (granter.includes('superadmin')) return ROLES
  if (granter.includes('admin')) return ROLES.filter((r) => r !== 'superadmin')
  return []
}
