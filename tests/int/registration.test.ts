import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let alpha: number
beforeAll(async () => {
  t = await startTestPayload()
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
  alpha = docs[0]!.id
})
afterAll(async () => t?.close())

const register = (body: unknown, host = 'alpha.test', headers?: Record<string, string>) =>
  t.api.post('/api/auth/register', { host, body, headers })
const usersWithEmail = async (email: string) =>
  (await t.payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs
const fieldErrors = (body: any) =>
  Object.fromEntries((body.errors[0].data.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]))

describe('POST /api/auth/register', () => {
  it('creates a client on the request website, ignoring role and tenant in the body', async () => {
    const res = await register({
      name: 'Ada Client',
      email: 'Ada@Example.com',
      password: 'correct-horse-battery',
      roles: ['superadmin'],
      tenants: [{ tenant: 999 }],
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ message: 'Registered. Check your mail to confirm your address.', doc: { email: 'ada@example.com', name: 'Ada Client', roles: ['client'] } })
    const user = (await t.payload.find({ collection: 'users', where: { email: { equals: 'ada@example.com' } }, depth: 0 })).docs[0]!
    expect(user.roles).toEqual(['client'])
    expect(user.tenants?.map((row) => row.tenant)).toEqual([alpha])
    // The new client can log in on its website straight away.
    expect(await t.api.login('ada@example.com', 'correct-horse-battery', { host: 'alpha.test' })).toEqual(expect.any(String))
  })

  it('names every bad field and writes nothing', async () => {
    const res = await register({ name: '  ', email: 'not-an-email', password: 'short' })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body)).toEqual({
      name: 'Name is required.',
      email: 'Must be a valid email address.',
      password: 'Password must be at least 10 characters.',
    })
    expect(await usersWithEmail('not-an-email')).toBe(0)
  })

  it('names missing fields of an empty body', async () => {
    const res = await register(undefined)
    expect(res.status).toBe(400)
    expect(Object.keys(fieldErrors(res.body)).sort()).toEqual(['email', 'name', 'password'])
  })

  it('answers 400 for a body that is not JSON', async () => {
    const res = await register('{not json')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('The request body must be JSON.')
  })

  it('answers an email already registered, whatever its case, as a fresh registration and creates nothing (tests/int/registrationNeutral.test.ts)', async () => {
    const res = await register({ name: 'Again', email: 'CLIENT@alpha.test', password: 'long-enough-password' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ message: 'Registered. Check your mail to confirm your address.', doc: { email: 'client@alpha.test', name: 'Again', roles: ['client'] } })
    expect(await usersWithEmail('client@alpha.test')).toBe(1)
  })

  it('answers two racing registrations alike and creates one account', async () => {
    const body = { name: 'Racer', email: 'racer@example.com', password: 'long-enough-password' }
    const answers = await Promise.all([register(body), register(body)])
    expect(answers.map((r) => r.status)).toEqual([201, 201])
    expect(answers[0]!.body).toEqual(answers[1]!.body)
    expect(await usersWithEmail('racer@example.com')).toBe(1)
  })

  it('answers 404 naming the host or slug when no website matches', async () => {
    const byHost = await register({ name: 'x', email: 'x@example.com', password: 'long-enough-password' }, 'unknown.example')
    expect(byHost.status).toBe(404)
    expect(byHost.body.errors[0].message).toBe('No active website is registered for the host "unknown.example".')
    const bySlug = await register({ name: 'x', email: 'x@example.com', password: 'long-enough-password' }, 'localhost', { 'x-tenant': 'gamma' })
    expect(bySlug.status).toBe(404)
    expect(bySlug.body.errors[0].message).toBe('No active website has the slug "gamma" (X-Tenant header).')
    expect(await usersWithEmail('x@example.com')).toBe(0)
  })

  it('registers on the website named by X-Tenant', async () => {
    const res = await register({ name: 'Bea', email: 'bea@example.com', password: 'long-enough-password' }, 'localhost', { 'x-tenant': 'beta' })
    expect(res.status).toBe(201)
    const user = (await t.payload.find({ collection: 'users', where: { email: { equals: 'bea@example.com' } }, depth: 0 })).docs[0]!
    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } } })
    expect(user.tenants?.map((row) => row.tenant)).toEqual([docs[0]!.id])
  })
})
