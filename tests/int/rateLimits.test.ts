import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

const login = (email: string, password: string, address: string) =>
  t.api.post('/api/users/login', { host: 'alpha.test', address, body: { email, password } })

it('past the website’s per-address login limit: 429 with Retry-After, whatever the emails, even with the right password', async () => {
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
  await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { settings: { rateLimits: { loginPerIpPerMinute: 5 } } } })
  for (let i = 1; i <= 5; i++) {
    const res = await login(`someone${i}@example.com`, 'wrong-password', '10.0.0.1')
    expect(res.status, `attempt ${i}`).toBe(401)
  }
  const blocked = await login('writer@alpha.test', DEMO_PASSWORD, '10.0.0.1')
  expect(blocked.status).toBe(429)
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(blocked.body.errors[0].message).toMatch(/^Too many login attempts from this address; try again in \d+ s\.$/)
  expect(blocked.body.token).toBeUndefined()
  // Another address is not affected.
  expect((await login('writer@alpha.test', DEMO_PASSWORD, '10.0.0.2')).status).toBe(200)
})

it('limits registrations per address, following the website’s own setting', async () => {
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })
  await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { settings: { rateLimits: { registrationPerIpPerHour: 2 } } } })
  const register = (n: number) =>
    t.api.post('/api/auth/register', {
      host: 'beta.test',
      address: '192.0.2.7',
      body: { name: `R${n}`, email: `r${n}@example.com`, password: 'long-enough-password' },
    })
  expect((await register(1)).status).toBe(201)
  expect((await register(2)).status).toBe(201)
  const third = await register(3)
  expect(third.status).toBe(429)
  expect(third.headers.get('retry-after')).toBeTruthy()
  expect((await t.payload.count({ collection: 'users', where: { email: { equals: 'r3@example.com' } } })).totalDocs).toBe(0)
})
