import { describe, expect, it } from 'vitest'

import { hiddenFor } from '@/access/navigation'
import { GROUPS_BY_ROLE, NAV_GROUPS, seesGroup } from '@/domain/navigation'

const user = (roles: string[]) => ({ id: 1, roles, collection: 'users', email: 'x@y.test' }) as never

describe('navigation groups by role', () => {
  it('shows support no money, editors only orders and content editors only content', () => {
    expect(seesGroup(['support'], 'Money')).toBe(false)
    expect(seesGroup(['support'], 'Orders')).toBe(true)
    expect(NAV_GROUPS.filter((g) => seesGroup(['editor'], g))).toEqual(['Orders'])
    expect(NAV_GROUPS.filter((g) => seesGroup(['content'], g))).toEqual(['Content'])
  })

  it('gives admins everything of their websites but the platform, superadmins everything', () => {
    expect(NAV_GROUPS.filter((g) => !seesGroup(['admin'], g))).toEqual(['Platform'])
    expect(NAV_GROUPS.every((g) => seesGroup(['superadmin'], g))).toBe(true)
  })

  it('shows clients and writers nothing, and a group to anyone one of whose roles works with it', () => {
    for (const g of NAV_GROUPS) expect(seesGroup(['client'], g) || seesGroup(['writer'], g)).toBe(false)
    expect(seesGroup(['editor', 'support'], 'People')).toBe(true)
    expect(Object.keys(GROUPS_BY_ROLE).sort()).toEqual(['admin', 'client', 'content', 'editor', 'superadmin', 'support', 'writer'])
  })

  it('hides a group from the admin panel user whose roles do not see it', () => {
    expect(hiddenFor('Money')({ user: user(['support']) })).toBe(true)
    expect(hiddenFor('Money')({ user: user(['admin']) })).toBe(false)
    expect(hiddenFor('Platform')({ user: user(['admin']) })).toBe(true)
    expect(hiddenFor('Orders')({ user: null })).toBe(true)
    expect(hiddenFor('Orders')({ user: user(['nonsense']) })).toBe(true)
  })
})
