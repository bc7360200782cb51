import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let superToken: string
beforeAll(async () => {
  t = await startTestPayload()
  superToken = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD)
})
afterAll(async () => t?.close())

describe('GET /api/tenants/current', () => {
  it.each([
    ['alpha.test', 'alpha'],
    ['ALPHA.test:8080', 'alpha'],
    ['www.alpha.test', 'alpha'],
    ['api.alpha.test', 'alpha'],
    ['beta.localhost:3000', 'beta'],
  ])('resolves host %s to %s', async (host, slug) => {
    const res = await t.api.get('/api/tenants/current', { host })
    expect(res.status).toBe(200)
    expect(res.body.slug).toBe(slug)
  })

  it('falls back to X-Tenant when the host names no website, and the host wins when it does', async () => {
    expect((await t.api.get('/api/tenants/current', { host: 'localhost:3000', headers: { 'x-tenant': 'beta' } })).body.slug).toBe('beta')
    expect((await t.api.get('/api/tenants/current', { host: 'alpha.test', headers: { 'x-tenant': 'beta' } })).body.slug).toBe('alpha')
  })

  it('returns the public face only', async () => {
    const res = await t.api.get('/api/tenants/current', { host: 'alpha.test' })
    expect(res.body).toMatchObject({
      name: 'Alpha Essays',
      slug: 'alpha',
      currency: 'USD',
      branding: { brandName: 'Alpha Essays', primaryColor: '#1f4e79', supportEmail: 'support@alpha.test' },
      features: { allowRegistration: true, allowWallet: true, twoFactorRequired: false },
    })
    expect(Object.keys(res.body).sort()).toEqual(['branding', 'currency', 'features', 'id', 'name', 'slug'])
    expect(JSON.stringify(res.body)).not.toContain('no-reply@alpha.test')
  })

  it('answers 404 naming the unknown host or slug', async () => {
    const byHost = await t.api.get('/api/tenants/current', { host: 'gamma.test' })
    expect(byHost).toMatchObject({ status: 404, body: { errors: [{ message: 'No active website is registered for the host "gamma.test".' }] } })
    const bySlug = await t.api.get('/api/tenants/current', { host: 'localhost', headers: { 'x-tenant': 'gamma' } })
    expect(bySlug).toMatchObject({ status: 404, body: { errors: [{ message: 'No active website has the slug "gamma" (X-Tenant header).' }] } })
  })
})

describe('websites', () => {
  it('store domains bare and lower-case', async () => {
    const res = await t.api.post('/api/tenants', {
      token: superToken,
      body: { name: 'Gamma Theses', slug: 'gamma', domains: [{ domain: 'https://WWW.Gamma.TEST:8443/' }, { domain: 'gamma.localhost' }] },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.domains.map((d: { domain: string }) => d.domain)).toEqual(['gamma.test', 'gamma.localhost'])
    expect(res.body.doc).toMatchObject({ currency: 'USD', active: true })
    expect((await t.api.get('/api/tenants/current', { host: 'gamma.test' })).body.slug).toBe('gamma')
  })

  it('refuse a domain another website already has, naming the field', async () => {
    const res = await t.api.post('/api/tenants', {
      token: superToken,
      body: { name: 'Copycat', slug: 'copycat', domains: [{ domain: 'www.alpha.test' }] },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/domains\.0\.domain/)
    expect((await t.payload.count({ collection: 'tenants', where: { slug: { equals: 'copycat' } } })).totalDocs).toBe(0)
  })

  it('refuse bad slugs, currencies, colours and an empty domain list', async () => {
    const res = await t.api.post('/api/tenants', {
      token: superToken,
      body: { name: 'Bad', slug: 'Bad Slug!', currency: 'XYZ1', domains: [], branding: { primaryColor: 'blue' } },
    })
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['slug', 'currency', 'domains', 'branding.primaryColor']))
  })

  it('cannot be deleted, only deactivated', async () => {
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
    const res = await t.api.delete(`/api/tenants/${docs[0]!.id}`, { token: superToken })
    expect(res.status).toBe(403)
    expect((await t.payload.count({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })).totalDocs).toBe(1)
  })

  it('are created only by a superadmin and edited by their own admins', async () => {
    const adminToken = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const created = await t.api.post('/api/tenants', {
      host: 'alpha.test',
      token: adminToken,
      body: { name: 'Rogue', slug: 'rogue', domains: [{ domain: 'rogue.test' }] },
    })
    expect(created.status).toBe(403)
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
    const edited = await t.api.patch(`/api/tenants/${docs[0]!.id}`, {
      host: 'alpha.test',
      token: adminToken,
      body: { branding: { primaryColor: '#000000' } },
    })
    expect(edited.status).toBe(200)
    const supportToken = await t.api.login('support@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const bySupport = await t.api.patch(`/api/tenants/${docs[0]!.id}`, { host: 'alpha.test', token: supportToken, body: { name: 'x' } })
    expect([403, 404]).toContain(bySupport.status)
  })
})

describe('anonymous visitors', () => {
  it('cannot list websites or users', async () => {
    expect((await t.api.get('/api/tenants', { host: 'alpha.test' })).status).toBe(403)
    expect((await t.api.get('/api/users', { host: 'alpha.test' })).status).toBe(403)
  })
})
