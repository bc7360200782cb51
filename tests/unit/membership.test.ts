import { describe, expect, it } from 'vitest'

import { membershipChangeProblem, membershipShapeProblem } from '@/domain/membership'
import { grantableRoles } from '@/domain/roles'

const ALPHA = 1
const BETA = 2
const admin = { id: 10, roles: ['admin'] as const, tenantIds: [ALPHA] }
const superadmin = { id: 1, roles: ['superadmin'] as const, tenantIds: [] }
const client = { id: 20, roles: ['client'] as const, tenantIds: [ALPHA] }
const aClient = { roles: ['client'] as const, tenantIds: [ALPHA] }

describe('membershipShapeProblem', () => {
  it('accepts one role with the right number of websites', () => {
    expect(membershipShapeProblem(aClient)).toBeNull()
    expect(membershipShapeProblem({ roles: ['editor'], tenantIds: [ALPHA, BETA] })).toBeNull()
    expect(membershipShapeProblem({ roles: ['superadmin'], tenantIds: [] })).toBeNull()
  })
  it('names the field that is wrong', () => {
    expect(membershipShapeProblem({ roles: [], tenantIds: [ALPHA] })?.field).toBe('roles')
    expect(membershipShapeProblem({ roles: ['admin', 'client'], tenantIds: [ALPHA] })?.field).toBe('roles')
    expect(membershipShapeProblem({ roles: ['writer'], tenantIds: [ALPHA, BETA] })).toEqual({
      field: 'tenants',
      message: 'A writer belongs to exactly one website.',
    })
    expect(membershipShapeProblem({ roles: ['client'], tenantIds: [] })?.field).toBe('tenants')
    expect(membershipShapeProblem({ roles: ['support'], tenantIds: [] })?.field).toBe('tenants')
  })
})

describe('membershipChangeProblem', () => {
  it('lets anyone save a user without touching roles or websites', () => {
    expect(membershipChangeProblem({ actor: client, targetId: client.id, before: aClient, after: aClient })).toBeNull()
  })
  it('refuses a client raising its own role or moving website', () => {
    expect(
      membershipChangeProblem({ actor: client, targetId: client.id, before: aClient, after: { ...aClient, roles: ['admin'] } }),
    ).toMatchObject({ field: 'roles' })
    expect(
      membershipChangeProblem({ actor: client, targetId: client.id, before: aClient, after: { ...aClient, tenantIds: [BETA] } }),
    ).toMatchObject({ field: 'tenants' })
  })
  it('refuses an admin changing their own role', () => {
    const self = { roles: ['admin'] as const, tenantIds: [ALPHA] }
    expect(
      membershipChangeProblem({ actor: admin, targetId: admin.id, before: self, after: { ...self, tenantIds: [ALPHA, BETA] } }),
    ).toMatchObject({ field: 'tenants', message: 'You cannot change your own role or websites.' })
  })
  it('lets an admin promote a client of their website to editor', () => {
    expect(
      membershipChangeProblem({ actor: admin, targetId: 20, before: aClient, after: { roles: ['editor'], tenantIds: [ALPHA] } }),
    ).toBeNull()
  })
  it('refuses an admin granting superadmin', () => {
    expect(
      membershipChangeProblem({ actor: admin, targetId: 20, before: aClient, after: { roles: ['superadmin'], tenantIds: [ALPHA] } }),
    ).toEqual({ field: 'roles', message: 'You may not grant the role "superadmin".' })
  })
  it('refuses an admin granting or removing a website they do not hold', () => {
    expect(
      membershipChangeProblem({ actor: admin, targetId: 20, before: aClient, after: { ...aClient, tenantIds: [BETA] } }),
    ).toMatchObject({ field: 'tenants' })
    expect(
      membershipChangeProblem({ actor: admin, targetId: null, before: null, after: { roles: ['editor'], tenantIds: [ALPHA, BETA] } }),
    ).toMatchObject({ field: 'tenants' })
    expect(
      membershipChangeProblem({
        actor: admin,
        targetId: 30,
        before: { roles: ['editor'], tenantIds: [ALPHA, BETA] },
        after: { roles: ['editor'], tenantIds: [ALPHA] },
      }),
    ).toMatchObject({ field: 'tenants' })
  })
  it('refuses an admin changing a superadmin', () => {
    expect(
      membershipChangeProblem({
        actor: admin,
        targetId: 1,
        before: { roles: ['superadmin'], tenantIds: [ALPHA] },
        after: { roles: ['client'], tenantIds: [ALPHA] },
      }),
    ).toMatchObject({ message: 'Only a superadmin may change a superadmin.' })
  })
  it('lets a superadmin do anything', () => {
    expect(
      membershipChangeProblem({ actor: superadmin, targetId: 20, before: aClient, after: { roles: ['superadmin'], tenantIds: [] } }),
    ).toBeNull()
  })
  it('refuses editors and support', () => {
    const editor = { id: 11, roles: ['editor'] as const, tenantIds: [ALPHA] }
    expect(
      membershipChangeProblem({ actor: editor, targetId: 20, before: aClient, after: { ...aClient, roles: ['writer'] } }),
    ).toMatchObject({ field: 'roles' })
  })
})

describe('grantableRoles', () => {
  it('is everything but superadmin for an admin, nothing for others', () => {
    expect(grantableRoles(['admin'])).not.toContain('superadmin')
    expect(grantableRoles(['admin'])).toContain('editor')
    expect(grantableRoles(['superadmin'])).toContain('superadmin')
    expect(grantableRoles(['support'])).toEqual([])
  })
})
