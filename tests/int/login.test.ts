import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/** Clients and writers log in only on their own website; staff on the websites they hold. */

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

const login = (email: string, options: { host?: string; headers?: Record<string, string> }) =>
  t.api.post('/api/users/login', { ...options, body: { email, password: DEMO_PASSWORD } })

describe('clients and writers', () => {
  it.each(['client@alpha.test', 'writer@alpha.test'])('%s logs in on its website by host, www host, port and X-Tenant', async (email) => {
    for (const options of [{ host: 'alpha.test' }, { host: 'www.alpha.test' }, { host: 'alpha.localhost:3000' }, { host: 'api.alpha.test' }, { headers: { 'x-tenant': 'alpha' } }]) {
      const res = await login(email, options)
      expect(res.status, JSON.stringify(options)).toBe(200)
      expect(res.body.token).toEqual(expect.any(String))
    }
  })

  it.each(['client@alpha.test', 'writer@alpha.test'])('%s is refused on another website with 401 and no token', async (email) => {
    for (const options of [{ host: 'beta.test' }, { headers: { 'x-tenant': 'beta' } }]) {
      const res = await login(email, options)
      expect(res.status).toBe(401)
      expect(res.body.token).toBeUndefined()
      expect(res.body.errors[0].message).toBe('This account does not belong to Beta Papers; log in on the website where you registered.')
      expect(res.headers.get('set-cookie') ?? '').not.toMatch(/payload-token=[^;]/)
    }
  })

  it('is refused where no website is named', async () => {
    const res = await login('client@alpha.test', { host: 'localhost:3000' })
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toMatch(/^Log in on your website's address\. No active website is registered for the host "localhost:3000"\./)
    expect(res.body.token).toBeUndefined()
  })

  it('is refused through GraphQL on another website', async () => {
    const res = await t.api.graphql(`mutation { loginUser(email: "client@alpha.test", password: "${DEMO_PASSWORD}") { token } }`, { host: 'beta.test' })
    expect(res.body.data?.loginUser ?? null).toBeNull()
    expect(res.body.errors[0].message).toMatch(/does not belong to Beta Papers/)
  })

  it('is refused on a deactivated website', async () => {
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })
    await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { active: false } })
    try {
      const res = await login('client@beta.test', { host: 'beta.test' })
      expect(res.status).toBe(401)
    } finally {
      await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { active: true } })
    }
  })
})

describe('staff', () => {
  it('log in on a website they hold and on the platform host', async () => {
    expect((await login('admin@alpha.test', { host: 'alpha.test' })).status).toBe(200)
    expect((await login('admin@alpha.test', { host: 'localhost:3000' })).status).toBe(200)
    expect((await login('superadmin@scriptorium.test', { host: 'beta.test' })).status).toBe(200)
  })

  it('are refused on a website they do not hold', async () => {
    const res = await login('support@alpha.test', { host: 'beta.test' })
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toBe('This staff account does not belong to Beta Papers.')
  })
})

it('a wrong password is still the ordinary 401', async () => {
  const res = await t.api.post('/api/users/login', { host: 'alpha.test', body: { email: 'client@alpha.test', password: 'wrong-password' } })
  expect(res.status).toBe(401)
  expect(res.body.token).toBeUndefined()
})
