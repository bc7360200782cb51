import { describe, expect, it } from 'vitest'

import { canonicalRow } from '@/domain/audit/chain'
import { impersonationEndsAt, impersonationOver, impersonationRefusal, portalUrlOf, protectedUserFields } from '@/domain/sessions/impersonation'

const admin = { id: 1, roles: ['admin'] as const, tenantIds: [10], allTenants: false }
const root = { id: 2, roles: ['superadmin'] as const, tenantIds: [], allTenants: true }
const target = (roles: string[], tenantIds = [10], extra: Partial<{ suspended: boolean; websiteActive: boolean }> = {}) => ({
  id: 50,
  roles: roles as never[],
  tenantIds,
  allTenants: roles.includes('superadmin'),
  suspended: false,
  websiteActive: true,
  ...extra,
})

describe('who may impersonate whom', () => {
  it('lets an admin act as a client or writer of their websites only', () => {
    expect(impersonationRefusal(admin, target(['client']))).toBeNull()
    expect(impersonationRefusal(admin, target(['writer']))).toBeNull()
    expect(impersonationRefusal(admin, target(['client'], [11]))?.status).toBe(403)
    for (const role of ['support', 'editor', 'content', 'admin', 'superadmin']) expect(impersonationRefusal(admin, target([role]))?.status, role).toBe(403)
  })

  it('lets a superadmin act as anyone but a superadmin, on any website', () => {
    expect(impersonationRefusal(root, target(['admin'], [99]))).toBeNull()
    expect(impersonationRefusal(root, target(['support'], []))).toBeNull()
    expect(impersonationRefusal(root, target(['superadmin'], []))?.status).toBe(403)
  })

  it('never as oneself, nor for other roles, nor as a suspended person or one of an inactive website', () => {
    expect(impersonationRefusal(admin, { ...target(['client']), id: admin.id })?.message).toMatch(/yourself/)
    expect(impersonationRefusal({ ...admin, roles: ['support'] as never }, target(['client']))?.status).toBe(403)
    expect(impersonationRefusal(admin, target(['writer'], [10], { suspended: true }))?.status).toBe(422)
    expect(impersonationRefusal(root, target(['client'], [10], { websiteActive: false }))?.status).toBe(422)
  })
})

describe('an impersonation’s limits', () => {
  it('lasts 30 minutes from its start', () => {
    const start = Date.UTC(2026, 11, 1, 12, 0)
    expect(impersonationEndsAt(start).toISOString()).toBe('2026-12-01T12:30:00.000Z')
    expect(impersonationOver(start, start + 29 * 60_000)).toBe(false)
    expect(impersonationOver(start, start + 30 * 60_000)).toBe(true)
  })

  it('hands the token to the portal in the fragment, https but for local hosts', () => {
    expect(portalUrlOf('Alpha-Essays.com', 'a.b.c')).toBe('https://alpha-essays.com/#token=a.b.c')
    expect(portalUrlOf('alpha.localhost', 'a.b.c')).toBe('http://alpha.localhost/#token=a.b.c')
  })

  it('keeps the account’s keys: email, password, roles, websites and anything of the second factor', () => {
    expect(protectedUserFields(['name', 'email', 'phone', 'password', 'roles', 'tenants', 'twoFactorSecret', 'mfaEnabled', 'totpSecret', 'recoveryCodes', 'timezone'])).toEqual([
      'email',
      'password',
      'roles',
      'tenants',
      'twoFactorSecret',
      'mfaEnabled',
      'totpSecret',
      'recoveryCodes',
    ])
  })
})

describe('the audit chain with the impersonator', () => {
  const row = { id: 1, tenant: 1, kind: 'change', action: 'update', actor: 7, actorEmail: 'c@alpha.test', actorRole: 'client', targetCollection: 'users', targetId: '7', changes: null, parties: [7], address: null, userAgent: null, requestId: 'r', createdAt: '2026-12-01T10:00:00.000Z' }

  it('hashes the impersonator only when set, so rows written before the column still verify', () => {
    expect(canonicalRow({ ...row, impersonator: null })).toBe(canonicalRow(row))
    expect(canonicalRow({ ...row, impersonator: 2 })).not.toBe(canonicalRow(row))
    expect(canonicalRow({ ...row, impersonator: 2 })).toContain('"impersonator":2')
  })
})
