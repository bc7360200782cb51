import type { Access, AccessArgs } from 'payload'
import { describe, expect, it } from 'vitest'

import { Media } from '@/collections/Media'
import { Tenants } from '@/collections/Tenants'
import { Users } from '@/collections/Users'
import { MATCH_NOTHING } from '@/access/where'

/**
 * The collections' own access functions, without the multi-tenant plugin's extra layer:
 * each states its tenant predicate itself, as DESIGN §4 requires.
 */
const ALPHA = 1
const BETA = 2
const user = (id: number, role: string, tenants: number[]) => ({
  id,
  collection: 'users',
  email: `${role}@x.test`,
  roles: [role],
  tenants: tenants.map((tenant) => ({ tenant })),
})
const call = (fn: Access | undefined, u: ReturnType<typeof user> | null) =>
  fn!({ req: { user: u, context: {} } } as unknown as AccessArgs)

const admin = user(10, 'admin', [ALPHA])
const editor = user(11, 'editor', [ALPHA])
const support = user(12, 'support', [ALPHA])
const writer = user(13, 'writer', [ALPHA])
const client = user(14, 'client', [ALPHA])
const superadmin = user(1, 'superadmin', [])

describe('users', () => {
  it('staff read their websites’ people; writers and clients only themselves', async () => {
    for (const staff of [admin, editor, support]) {
      expect(await call(Users.access!.read, staff)).toEqual({ or: [{ id: { equals: staff.id } }, { 'tenants.tenant': { equals: ALPHA } }] })
    }
    for (const self of [writer, client]) {
      expect(await call(Users.access!.read, self)).toEqual({ or: [{ id: { equals: self.id } }, MATCH_NOTHING] })
    }
    expect(await call(Users.access!.read, superadmin)).toBe(true)
    expect(await call(Users.access!.read, null)).toBe(false)
  })
  it('only admins manage others, and never delete themselves', async () => {
    expect(await call(Users.access!.update, admin)).toEqual({ or: [{ id: { equals: 10 } }, { 'tenants.tenant': { equals: ALPHA } }] })
    expect(await call(Users.access!.update, editor)).toEqual({ or: [{ id: { equals: 11 } }, MATCH_NOTHING] })
    expect(await call(Users.access!.delete, admin)).toEqual({ and: [{ 'tenants.tenant': { equals: ALPHA } }, { id: { not_equals: 10 } }] })
    expect(await call(Users.access!.delete, client)).toEqual({ and: [MATCH_NOTHING, { id: { not_equals: 14 } }] })
    expect(await call(Users.access!.create, support)).toBe(false)
    expect(await call(Users.access!.create, admin)).toBe(true)
  })
  it('only staff open the admin panel', async () => {
    expect(await Users.access!.admin!({ req: { user: editor, context: {} } } as never)).toBe(true)
    expect(await Users.access!.admin!({ req: { user: client, context: {} } } as never)).toBe(false)
  })
})

describe('tenants', () => {
  it('everyone reads only their own websites; only admins edit them; nobody deletes', async () => {
    expect(await call(Tenants.access!.read, client)).toEqual({ id: { equals: ALPHA } })
    expect(await call(Tenants.access!.update, admin)).toEqual({ id: { equals: ALPHA } })
    expect(await call(Tenants.access!.update, support)).toEqual(MATCH_NOTHING)
    expect(await call(Tenants.access!.create, admin)).toBe(false)
    expect(await call(Tenants.access!.create, superadmin)).toBe(true)
    expect(await call(Tenants.access!.delete, superadmin)).toBe(false)
  })
})

describe('media', () => {
  it('signed-in users read their websites’ media; admins and content editors change it, QA editors only read it', async () => {
    expect(await call(Media.access!.read, writer)).toEqual({ tenant: { equals: ALPHA } })
    expect(await call(Media.access!.update, user(16, 'content', [ALPHA]))).toEqual({ tenant: { equals: ALPHA } })
    expect(await call(Media.access!.update, editor)).toEqual(MATCH_NOTHING)
    expect(await call(Media.access!.create, editor)).toBe(false)
    expect(await call(Media.access!.delete, support)).toEqual(MATCH_NOTHING)
    expect(await call(Media.access!.create, client)).toBe(false)
    // Several websites: any of them.
    expect(await call(Media.access!.read, user(15, 'editor', [ALPHA, BETA]))).toEqual({ tenant: { in: [ALPHA, BETA] } })
  })
})
