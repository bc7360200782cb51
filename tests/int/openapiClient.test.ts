import createClient, { type Middleware } from 'openapi-fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { paths } from '../../src/api/openapi/client'
import { DEMO_PASSWORD } from '../../src/seed/demoData'
import { ESSAY } from '../helpers/orderWorkflow'
import { type ApiServer, startApiServer } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * A client portal as a frontend developer would write it from the API document alone:
 * openapi-fetch with the generated types, over real HTTP, the website named by
 * `X-Tenant` (a portal on its own domain sends its `Host` instead), the token as a Bearer.
 */

let t: TestContext
let server: ApiServer

beforeAll(async () => {
  t = await startTestPayload()
  server = await startApiServer(t.payload)
})

afterAll(async () => {
  server?.close()
  await t?.close()
})

/** `where[client][equals]=7`: nested objects in the bracket form Payload reads (what `qs` writes). */
const brackets = (query: Record<string, unknown>): string => {
  const pairs: string[] = []
  const add = (key: string, value: unknown) => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v)
    else pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  for (const [key, value] of Object.entries(query)) add(key, value)
  return pairs.join('&')
}

/** The portal's client: every call names the website; once logged in, every call carries the token. */
const portal = (base: string) => {
  const client = createClient<paths>({ baseUrl: base, headers: { 'X-Tenant': 'alpha' }, querySerializer: brackets })
  let token: string | null = null
  const auth: Middleware = {
    onRequest: ({ request }) => {
      if (token) request.headers.set('Authorization', `Bearer ${token}`)
      return request
    },
  }
  client.use(auth)
  return { client, signIn: (value: string) => (token = value) }
}

describe('a client portal on the typed client (openapi-fetch + generated types)', () => {
  it('logs in, quotes, places an order once per Idempotency-Key, lists its own orders and what it can do next', async () => {
    const { client, signIn } = portal(server.base)

    const answer = await client.POST('/api/users/login', { body: { email: 'client@alpha.test', password: DEMO_PASSWORD } })
    expect(answer.response.status).toBe(200)
    // The type says a login may instead ask for a second factor; this client has none.
    const login = { data: answer.data && 'user' in answer.data ? answer.data : undefined }
    expect(login.data?.user.email).toBe('client@alpha.test')
    signIn(login.data!.token!)

    const me = await client.GET('/api/users/me')
    expect(me.data?.user?.roles).toEqual(['client'])

    const options = await client.GET('/api/order-options')
    expect(options.response.status).toBe(200)

    const order = { ...ESSAY, spacing: 'double' as const, deadlineHours: 72 }
    const quote = await client.POST('/api/orders/quote', { body: order })
    expect(quote.response.status).toBe(200)
    expect(quote.data!.total).toBeGreaterThan(0)
    expect(quote.data!.currency).toMatch(/^[A-Z]{3}$/)

    const key = `portal-${Date.now()}`
    const place = () => client.POST('/api/orders', { params: { header: { 'Idempotency-Key': key } }, body: order })
    const placed = await place()
    expect(placed.response.status).toBe(201)
    const doc = placed.data!.doc
    expect(doc.total).toBe(quote.data!.total)
    expect(doc.status).toBe('pending_payment')
    // A retry after a lost answer gets the same order, not a second one.
    const again = await place()
    expect(again.data!.doc.id).toBe(doc.id)

    const mine = await client.GET('/api/orders', { params: { query: { where: { client: { equals: login.data!.user.id } }, sort: '-createdAt', limit: 10, depth: 0 } } })
    expect(mine.response.status).toBe(200)
    expect(mine.data!.docs.map((o) => o.id)).toContain(doc.id)
    expect(mine.data!.docs.filter((o) => o.id === doc.id)).toHaveLength(1)

    // Waiting for payment, the client has nothing to do; the website's admin may mark it paid (a money action).
    const actions = await client.GET('/api/orders/{id}/actions', { params: { path: { id: doc.id } } })
    expect(actions.response.status).toBe(200)
    expect(actions.data!.available).toEqual([])
    const staff = portal(server.base)
    const admin = await staff.client.POST('/api/users/login', { body: { email: 'admin@alpha.test', password: DEMO_PASSWORD } })
    staff.signIn((admin.data as { token: string }).token)
    const adminActions = await staff.client.GET('/api/orders/{id}/actions', { params: { path: { id: doc.id } } })
    const markPaid = adminActions.data!.available.find((a) => a.action === 'markPaid')
    expect(markPaid).toMatchObject({ label: 'Mark paid', money: true })
  })

  it('reads a refusal in the one error shape, the field named', async () => {
    const { client } = portal(server.base)
    const quote = await client.POST('/api/orders/quote', { body: { ...ESSAY, spacing: 'double', pages: 0, deadlineHours: 72 } })
    expect(quote.response.status).toBe(400)
    expect(quote.error!.errors[0]!.data?.errors?.map((e) => e.path)).toContain('pages')
  })
})
