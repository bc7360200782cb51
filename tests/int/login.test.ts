import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/** Clients and writers log in only on their own website; staff on the websites they hold. */

const REFUSED_ON_BETA = 'The email or password is wrong for Beta Papers. Clients and writers log in on the website where they registered.'

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
      expect(res.body).toEqual({ errors: [{ message: REFUSED_ON_BETA }] })
      expect(res.headers.get('set-cookie') ?? '').not.toMatch(/payload-token=[^;]/)
    }
  })

  it('is refused where no website is named', async () => {
    const res = await login('client@alpha.test', { host: 'localhost:3000' })
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toBe('The email or password is wrong. Clients and writers log in on the website where they registered.')
    expect(res.body.token).toBeUndefined()
  })

  it('is refused through GraphQL on another website', async () => {
    const res = await t.api.graphql(`mutation { loginUser(email: "client@alpha.test", password: "${DEMO_PASSWORD}") { token } }`, { host: 'beta.test' })
    expect(res.body.data?.loginUser ?? null).toBeNull()
    expect(res.body.errors[0].message).toBe(REFUSED_ON_BETA)
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
    expect(res.body).toEqual({ errors: [{ message: REFUSED_ON_BETA }] })
  })
})

it('a wrong password is the same 401, naming the website', async () => {
  const res = await t.api.post('/api/users/login', { host: 'alpha.test', body: { email: 'client@alpha.test', password: 'wrong-password' } })
  expect(res.status).toBe(401)
  expect(res.body).toEqual({ errors: [{ message: 'The email or password is wrong for Alpha Essays. Clients and writers log in on the website where they registered.' }] })
})

it('a password reset does not log a client in on another website', async () => {
  const forgot = await t.api.post('/api/users/forgot-password', { host: 'alpha.test', body: { email: 'client2@alpha.test' } })
  expect(forgot.status).toBe(200)
  const { docs } = await t.payload.find({ collection: 'outbox', where: { type: { equals: 'mail.passwordReset' } }, sort: '-id', limit: 1, depth: 0 })
  const { token } = docs[0]!.payload as { token: string }
  const res = await t.api.post('/api/users/reset-password', { host: 'beta.test', body: { token, password: 'another-long-password' } })
  expect(res.status).toBe(401)
  expect(res.body).toEqual({ errors: [{ message: REFUSED_ON_BETA }] })
  // Refused as a whole: the old password still works, the new one does not.
  expect((await login('client2@alpha.test', { host: 'alpha.test' })).status).toBe(200)
})
