import { Router } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reloadEnv } from '@/env'
import { DEMO_PASSWORD } from '@/seed/demoData'
import { CLIENT_ADDRESS_HEADER } from '@/security/clientAddress'
import { createApp } from '@/server/app'

import { listen, payloadApiRoute } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The per-address limits key on the address the Express host works out under
 * TRUST_PROXY, through the real app (createApp) in front of Payload's REST handler.
 */

const LIMIT = 3

let t: TestContext
let direct: { base: string; close: () => void }
let behindProxy: { base: string; close: () => void }

/** Shows what the app hands on to Payload as the client's address. */
const echo = Router().get('/echo-address', (req, res) => {
  res.json({ address: req.headers[CLIENT_ADDRESS_HEADER] })
})

const appWith = async (trustProxy: string | undefined) => {
  if (trustProxy === undefined) delete process.env.TRUST_PROXY
  else process.env.TRUST_PROXY = trustProxy
  reloadEnv()
  try {
    return await listen(createApp({ checks: [], routers: [echo], next: payloadApiRoute(t.payload) }))
  } finally {
    delete process.env.TRUST_PROXY
    reloadEnv()
  }
}

beforeAll(async () => {
  t = await startTestPayload()
  direct = await appWith(undefined)
  behindProxy = await appWith('1')
  // Few attempts per address on Alpha, so each case needs few logins.
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
  await t.payload.update({ collection: 'tenants', id: docs[0]!.id, data: { settings: { rateLimits: { loginPerIpPerMinute: LIMIT } } } })
})
afterAll(async () => {
  direct?.close()
  behindProxy?.close()
  await t?.close()
})

const login = (base: string, headers: Record<string, string>, email = 'nobody@alpha.test', password = 'wrong-password') =>
  fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'alpha', ...headers },
    body: JSON.stringify({ email, password }),
  })

const statuses = async (attempts: (() => Promise<Response>)[]) => {
  const seen: number[] = []
  for (const attempt of attempts) seen.push((await attempt()).status)
  return seen
}

describe('without TRUST_PROXY', () => {
  it('a client rotating X-Forwarded-For is still one address: 429 past the limit, even with the right password', async () => {
    const rotating = Array.from({ length: LIMIT }, (_, i) => () => login(direct.base, { 'x-forwarded-for': `198.51.100.${i + 1}` }, `nobody${i}@alpha.test`))
    expect(await statuses(rotating)).toEqual(Array(LIMIT).fill(401))
    const refused = await login(direct.base, { 'x-forwarded-for': '198.51.100.200' }, 'client@alpha.test', DEMO_PASSWORD)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Too many login attempts from this address; try again in \d+ s\.$/)
  })

  it('a client sending the private header itself is not believed: the header is replaced', async () => {
    const claimed = await fetch(`${direct.base}/echo-address`, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '198.51.100.1' } })
    expect(((await claimed.json()) as { address: string }).address).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
    const rotating = Array.from({ length: LIMIT }, (_, i) => () => login(direct.base, { [CLIENT_ADDRESS_HEADER]: `203.0.113.${i + 1}` }, `nobody${i}@alpha.test`))
    expect(await statuses(rotating)).toEqual(Array(LIMIT).fill(401))
    expect((await login(direct.base, { [CLIENT_ADDRESS_HEADER]: '203.0.113.200' })).status).toBe(429)
  })
})

describe('with TRUST_PROXY=1', () => {
  it('the address the proxy forwarded is the one limited; another forwarded address is counted apart', async () => {
    const same = Array.from({ length: LIMIT }, (_, i) => () => login(behindProxy.base, { 'x-forwarded-for': '198.51.100.7' }, `nobody${i}@alpha.test`))
    expect(await statuses(same)).toEqual(Array(LIMIT).fill(401))
    expect((await login(behindProxy.base, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429)
    // What a client put in front of the proxy's own entry changes nothing.
    expect((await login(behindProxy.base, { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' })).status).toBe(429)
    expect((await login(behindProxy.base, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(401)
    expect((await login(behindProxy.base, { 'x-forwarded-for': '198.51.100.8' }, 'client@alpha.test', DEMO_PASSWORD)).status).toBe(200)
  })

  it('hands the forwarded address on in the private header, replacing the client’s copy', async () => {
    const res = await fetch(`${behindProxy.base}/echo-address`, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '198.51.100.9' } })
    expect(await res.json()).toEqual({ address: '198.51.100.9' })
  })
})
