import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/** Roles and websites change only through an admin of the website or a superadmin. */

let t: TestContext
const ids: Record<string, number> = {}
let alpha: number
let beta: number

const userId = async (email: string) => {
  const { docs } = await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })
  return docs[0]!.id
}
const membership = async (id: number) => {
  const user = await t.payload.findByID({ collection: 'users', id, depth: 0 })
  return { roles: user.roles, tenants: (user.tenants ?? []).map((row) => row.tenant) }
}
const login = (email: string, host = 'alpha.test') => t.api.login(email, DEMO_PASSWORD, { host })

beforeAll(async () => {
  t = await startTestPayload()
  const { docs } = await t.payload.find({ collection: 'tenants', depth: 0 })
  alpha = docs.find((d) => d.slug === 'alpha')!.id
  beta = docs.find((d) => d.slug === 'beta')!.id
  for (const email of ['client@alpha.test', 'client2@alpha.test', 'admin@alpha.test', 'editor@alpha.test', 'writer@alpha.test', 'superadmin@scriptorium.test']) {
    ids[email] = await userId(email)
  }
})
afterAll(async () => t?.close())

describe('a client', () => {
  it('cannot raise its own role: 403 naming the field, nothing written', async () => {
    const token = await login('client@alpha.test')
    const id = ids['client@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, { host: 'alpha.test', token, body: { roles: ['admin'] } })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/^roles: /)
    expect(await membership(id)).toEqual({ roles: ['client'], tenants: [alpha] })
  })

  it('cannot move itself to another website or add one', async () => {
    const token = await login('client@alpha.test')
    const id = ids['client@alpha.test']!
    for (const tenants of [[{ tenant: beta }], [{ tenant: alpha }, { tenant: beta }]]) {
      const res = await t.api.patch(`/api/users/${id}`, { host: 'alpha.test', token, body: { tenants } })
      expect([400, 403]).toContain(res.status)
      expect(JSON.stringify(res.body)).toMatch(/tenants/)
    }
    expect(await membership(id)).toEqual({ roles: ['client'], tenants: [alpha] })
  })

  it('cannot escalate through GraphQL either', async () => {
    const token = await login('client@alpha.test')
    const id = ids['client@alpha.test']!
    const res = await t.api.graphql(`mutation($id: Int!) { updateUser(id: $id, data: { roles: [admin] }) { roles } }`, {
      host: 'alpha.test',
      token,
      variables: { id },
    })
    expect(res.body.errors?.[0]?.message).toMatch(/^roles: /)
    expect(await membership(id)).toEqual({ roles: ['client'], tenants: [alpha] })
  })

  it('may still edit its own profile', async () => {
    const token = await login('client@alpha.test')
    const id = ids['client@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, {
      host: 'alpha.test',
      token,
      body: { name: 'Renamed Client', timezone: 'Europe/London', roles: ['client'] },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ name: 'Renamed Client', timezone: 'Europe/London', roles: ['client'] })
  })

  it('cannot create users', async () => {
    const token = await login('client@alpha.test')
    const res = await t.api.post('/api/users', {
      host: 'alpha.test',
      token,
      body: { email: 'sneaky@alpha.test', password: 'long-enough-password', name: 'x', roles: ['admin'], tenants: [{ tenant: alpha }] },
    })
    expect(res.status).toBe(403)
    expect(await t.payload.count({ collection: 'users', where: { email: { equals: 'sneaky@alpha.test' } } })).toEqual({ totalDocs: 0 })
  })
})

describe('an admin', () => {
  it('cannot grant superadmin', async () => {
    const token = await login('admin@alpha.test')
    const id = ids['client2@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, { host: 'alpha.test', token, body: { roles: ['superadmin'] } })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('roles: You may not grant the role "superadmin".')
    expect((await membership(id)).roles).toEqual(['client'])
  })

  it('cannot grant a website it does not hold', async () => {
    const token = await login('admin@alpha.test')
    const id = ids['editor@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, {
      host: 'alpha.test',
      token,
      body: { tenants: [{ tenant: alpha }, { tenant: beta }] },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/^tenants: You may only grant or remove websites you belong to/)
    expect((await membership(id)).tenants).toEqual([alpha])
  })

  it('cannot create a user on a website it does not hold, nor a superadmin', async () => {
    const token = await login('admin@alpha.test')
    const base = { password: 'long-enough-password', name: 'New' }
    const foreign = await t.api.post('/api/users', {
      host: 'alpha.test',
      token,
      body: { ...base, email: 'foreign@beta.test', roles: ['writer'], tenants: [{ tenant: beta }] },
    })
    expect([403, 400]).toContain(foreign.status)
    const superadmin = await t.api.post('/api/users', {
      host: 'alpha.test',
      token,
      body: { ...base, email: 'boss@alpha.test', roles: ['superadmin'], tenants: [{ tenant: alpha }] },
    })
    expect(superadmin.status).toBe(403)
    const made = await t.payload.count({ collection: 'users', where: { email: { in: ['foreign@beta.test', 'boss@alpha.test'] } } })
    expect(made.totalDocs).toBe(0)
  })

  it('cannot raise or change its own role', async () => {
    const token = await login('admin@alpha.test')
    const id = ids['admin@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, { host: 'alpha.test', token, body: { roles: ['superadmin'] } })
    expect(res.status).toBe(403)
    expect((await membership(id)).roles).toEqual(['admin'])
  })

  it('cannot touch a superadmin', async () => {
    const token = await login('admin@alpha.test')
    const res = await t.api.patch(`/api/users/${ids['superadmin@scriptorium.test']}`, { host: 'alpha.test', token, body: { name: 'x' } })
    expect([403, 404]).toContain(res.status)
  })

  it('promotes a writer of its website to editor and creates staff on its website', async () => {
    const token = await login('admin@alpha.test')
    const id = ids['writer@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, { host: 'alpha.test', token, body: { roles: ['editor'] } })
    expect(res.status).toBe(200)
    expect((await membership(id)).roles).toEqual(['editor'])

    const created = await t.api.post('/api/users', {
      host: 'alpha.test',
      token,
      body: { email: 'newsupport@alpha.test', password: 'long-enough-password', name: 'New Support', roles: ['support'], tenants: [{ tenant: alpha }] },
    })
    expect(created.status).toBe(201)
    expect(await membership(created.body.doc.id)).toEqual({ roles: ['support'], tenants: [alpha] })
  })

  it('gets a 400 naming the field for an invalid combination', async () => {
    const token = await login('admin@alpha.test')
    const res = await t.api.patch(`/api/users/${ids['client2@alpha.test']}`, {
      host: 'alpha.test',
      token,
      body: { roles: ['client', 'writer'] },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'roles', message: 'A user has exactly one role.' })
  })
})

describe('an editor', () => {
  it('cannot change anyone’s role', async () => {
    const token = await login('editor@alpha.test')
    const res = await t.api.patch(`/api/users/${ids['client2@alpha.test']}`, { host: 'alpha.test', token, body: { roles: ['writer'] } })
    expect([403, 404]).toContain(res.status)
    expect((await membership(ids['client2@alpha.test']!)).roles).toEqual(['client'])
  })
})

describe('a superadmin', () => {
  it('may grant any role and website', async () => {
    const token = await login('superadmin@scriptorium.test', 'localhost')
    const id = ids['client2@alpha.test']!
    const res = await t.api.patch(`/api/users/${id}`, { token, body: { roles: ['editor'], tenants: [{ tenant: alpha }, { tenant: beta }] } })
    expect(res.status).toBe(200)
    expect(await membership(id)).toEqual({ roles: ['editor'], tenants: [alpha, beta] })
  })
})
