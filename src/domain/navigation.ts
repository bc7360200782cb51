import type { Role } from './roles'

/** The admin panel's navigation groups, in the order staff read them. */
export const NAV_GROUPS = ['Orders', 'Money', 'People', 'Content', 'Settings', 'Platform'] as const
export type NavGroup = (typeof NAV_GROUPS)[number]

/**
 * Which groups each role works with: the one table of who sees what in the navigation.
 * It only tidies the panel; access rules decide what anyone may read or change. Editors
 * check papers (orders); content editors publish posts, pages and media; support answers clients and writers (orders, people),
 * never money; admins run their websites; the platform's plumbing (outbox, provider
 * events, idempotency keys) is the superadmin's, as its access already is.
 */
export const GROUPS_BY_ROLE: Readonly<Record<Role, readonly NavGroup[]>> = {
  superadmin: NAV_GROUPS,
  admin: ['Orders', 'Money', 'People', 'Content', 'Settings'],
  editor: ['Orders'],
  support: ['Orders', 'People'],
  content: ['Content'],
  writer: [],
  client: [],
}

/** Whether someone with these roles sees the group (any of their roles suffices). */
export const seesGroup = (roles: readonly Role[], group: NavGroup): boolean => roles.some((role) => GROUPS_BY_ROLE[role].includes(group))
