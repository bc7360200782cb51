import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

const login = (email: string, password: string, ip: string) =>
  t.api.post('/api/users/login', { host: 'alpha.test', headers: { 'x-forwarded-for': ip }, body: { email, password } })

it('the 11th login attempt in a minute for one email gets 429 with Retry-After, even with the right password', async () => {
  for (let i = 1; i <= 10; i++) {
    const res = await login('writer@alpha.test', 'wrong-password', `10.0.0.${i}`)
    expect(res.status, `attempt ${i}`).toBe(401)
  }
  const blocked = await login('writer@alpha.test', DEMO_PASSWORD, '10.0.0.99')
  expect(blocked.status).toBe(429)
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(blocked.body.errors[0].message).toMatch(/^Too many login attempts for this email; try again in \d+ s\.$/)
  expect(blocked.body.token).toBeUndefined()
  // Another account is not affected.
  expect((await login('writer2@alpha.test', DEMO_PASSWORD, '10.0.0.100')).status).toBe(200)
})

it('limits registrations per address, following the website’s own setting', async () => {
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })
  await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { settings: { rateLimits: { registrationPerIpPerHour: 2 } } } })
  const register = (n: number) =>
    t.api.post('/api/auth/register', {
      host: 'beta.test',
      headers: { 'x-forwarded-for': '192.0.2.7' },
      body: { name: `R${n}`, email: `r${n}@example.com`, password: 'long-enough-password' },
    })
  expect((await register(1)).status).toBe(201)
  expect((await register(2)).status).toBe(201)
  const third = await register(3)
  expect(third.status).toBe(429)
  expect(third.headers.get('retry-after')).toBeTruthy()
  expect((await t.payload.count({ collection: 'users', where: { email: { equals: 'r3@example.com' } } })).totalDocs).toBe(0)
})
