import { describe, expect, it } from 'vitest'

import { secondFactorResetRefusal } from '@/domain/twoFactor/reset'

describe('who resets a lost second factor', () => {
  const superadmin = { id: 1, roles: ['superadmin'] as const, tenantIds: [], allTenants: true }
  const alphaAdmin = { id: 2, roles: ['admin'] as const, tenantIds: [10], allTenants: false }
  const alphaSupport = { id: 3, roles: ['support'] as const, tenantIds: [10], allTenants: false }
  const alphaWriter = { id: 4, roles: ['writer'] as const, tenantIds: [10] }
  const betaClient = { id: 5, roles: ['client'] as const, tenantIds: [11] }
  const alphaAdmin2 = { id: 6, roles: ['admin'] as const, tenantIds: [10] }

  it('a superadmin anyone but themselves', () => {
    expect(secondFactorResetRefusal(superadmin, alphaAdmin2)).toBeNull()
    expect(secondFactorResetRefusal(superadmin, betaClient)).toBeNull()
    expect(secondFactorResetRefusal(superadmin, { ...superadmin })).toMatch(/your own/)
  })

  it('an admin the people of their websites below admin', () => {
    expect(secondFactorResetRefusal(alphaAdmin, alphaWriter)).toBeNull()
    expect(secondFactorResetRefusal(alphaAdmin, betaClient)).toMatch(/admin of the person’s website/)
    expect(secondFactorResetRefusal(alphaAdmin, alphaAdmin2)).toMatch(/superadmin/)
    expect(secondFactorResetRefusal(alphaAdmin, { id: 7, roles: ['superadmin'], tenantIds: [] })).toMatch(/superadmin/)
  })

  it('nobody else, and nobody their own', () => {
    expect(secondFactorResetRefusal(alphaSupport, alphaWriter)).toMatch(/Only an admin/)
    expect(secondFactorResetRefusal(alphaAdmin, { ...alphaAdmin })).toMatch(/your own/)
  })
})
