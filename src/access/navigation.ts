import type { ClientUser } from 'payload'

import type { NavGroup } from '@/domain/navigation'
import { seesGroup } from '@/domain/navigation'
import { isRole } from '@/domain/roles'

/**
 * `admin.hidden` for a collection of the group: hidden from staff whose roles do not
 * work with it (`GROUPS_BY_ROLE`). Navigation only: access stays the guard.
 */
export const hiddenFor =
  (group: NavGroup) =>
  ({ user }: { user: ClientUser | null }): boolean =>
    !seesGroup(((user?.roles as unknown[] | undefined) ?? []).filter(isRole), group)

/** A collection's place in the navigation: its group, shown to the roles that work with it. */
export const navigation = (group: NavGroup) => ({ group, hidden: hiddenFor(group) })
