import type { Access, AccessArgs } from 'payload'
import { describe, expect, it } from 'vitest'

import { actorFromUser } from '@/access/actor'
import { contentReaders, contentRights, contentRows, contentVersionRows, createContent, publishedForReaders } from '@/access/content'
import { MATCH_NOTHING } from '@/access/where'

const ALPHA = 1
const BETA = 2
const user = (id: number, role: string, tenants: number[]) => ({ id, collection: 'users', email: `${role}@x.test`, roles: [role], tenants: tenants.map((tenant) => ({ tenant })) })

/** A request whose website was already resolved (resolveTenant reads its cache first). */
const reqOf = (u: ReturnType<typeof user> | null, website: number | null) => ({
  user: u,
  context: { scriptoriumTenant: website === null ? { tenant: null, host: 'nowhere.test', slug: null } : { tenant: { id: website }, via: 'host' } },
  headers: new Headers(),
})
const call = (fn: Access, u: ReturnType<typeof user> | null, website: number | null = ALPHA, data?: object) => fn({ req: reqOf(u, website), data } as unknown as AccessArgs)

const superadmin = user(1, 'superadmin', [])
const admin = user(2, 'admin', [ALPHA])
const content = user(3, 'content', [ALPHA])
const both = user(4, 'content', [ALPHA, BETA])
const editor = user(5, 'editor', [ALPHA])
const client = user(6, 'client', [ALPHA])
const writer = user(7, 'writer', [ALPHA])

describe('contentRights', () => {
  it('belongs to superadmins everywhere and to admins and content editors on their websites', () => {
    expect(contentRights(actorFromUser(superadmin), BETA)).toBe(true)
    expect(contentRights(actorFromUser(admin), ALPHA)).toBe(true)
    expect(contentRights(actorFromUser(content), ALPHA)).toBe(true)
    expect(contentRights(actorFromUser(content), BETA)).toBe(false)
    expect(contentRights(actorFromUser(content), null)).toBe(false)
    for (const other of [editor, client, writer]) expect(contentRights(actorFromUser(other), ALPHA)).toBe(false)
    expect(contentRights(null, ALPHA)).toBe(false)
  })
})

describe('contentRows', () => {
  it('gives content-rights holders their websites’ rows, other users none, anonymous false', async () => {
    expect(await call(contentRows, superadmin)).toBe(true)
    expect(await call(contentRows, content)).toEqual({ tenant: { equals: ALPHA } })
    expect(await call(contentRows, both)).toEqual({ tenant: { in: [ALPHA, BETA] } })
    expect(await call(contentRows, admin)).toEqual({ tenant: { equals: ALPHA } })
    for (const other of [editor, client, writer]) expect(await call(contentRows, other)).toEqual(MATCH_NOTHING)
    expect(await call(contentRows, null)).toBe(false)
    expect(await call(contentVersionRows, content)).toEqual({ 'version.tenant': { equals: ALPHA } })
  })
})

describe('publishedForReaders', () => {
  const published = (website: number) => ({ and: [{ tenant: { equals: website } }, { _status: { equals: 'published' } }] })

  it('gives content-rights holders every row of their websites, drafts included, whatever the host', async () => {
    // Never the other website's rows: the editors-only fields (warnings) would answer a where on them.
    expect(await call(publishedForReaders, content, ALPHA)).toEqual({ tenant: { equals: ALPHA } })
    expect(await call(publishedForReaders, content, BETA)).toEqual({ tenant: { equals: ALPHA } })
    expect(await call(publishedForReaders, superadmin, null)).toBe(true)
  })

  it('gives everyone else the published rows of the request’s website only', async () => {
    for (const reader of [null, client, writer, editor]) {
      expect(await call(publishedForReaders, reader, ALPHA)).toEqual(published(ALPHA))
      expect(await call(publishedForReaders, reader, BETA)).toEqual(published(BETA))
      expect(await call(publishedForReaders, reader, null)).toEqual(MATCH_NOTHING)
    }
  })

  it('without a condition, gives readers the request website’s rows', async () => {
    expect(await call(contentReaders(), null, BETA)).toEqual({ tenant: { equals: BETA } })
    expect(await call(contentReaders({ showPublicly: { equals: true } }), client, ALPHA)).toEqual({ and: [{ tenant: { equals: ALPHA } }, { showPublicly: { equals: true } }] })
  })
})

describe('createContent', () => {
  it('lets content-rights holders create on their websites, nobody else', async () => {
    expect(await call(createContent, content, ALPHA, {})).toBe(true)
    expect(await call(createContent, content, ALPHA, { tenant: ALPHA })).toBe(true)
    expect(await call(createContent, content, ALPHA, { tenant: BETA })).toBe(false)
    expect(await call(createContent, admin, ALPHA, { tenant: { id: ALPHA } })).toBe(true)
    expect(await call(createContent, superadmin, ALPHA, { tenant: BETA })).toBe(true)
    for (const other of [null, editor, client, writer]) expect(await call(createContent, other, ALPHA, { tenant: ALPHA })).toBe(false)
  })
})
