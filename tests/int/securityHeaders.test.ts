import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { UNSUPPORTED_BODY_MESSAGE } from '@/security/mediaTypes'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startApiServer, type ApiServer } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The web process's security headers (helmet) on the API and on the admin's paths, and
 * the body types /api reads: JSON for our endpoints (415 otherwise, on every path), and
 * through the Express host JSON or multipart for Payload's routes, a form body only for
 * Payload's GET-by-POST.
 */

let t: TestContext
let server: ApiServer
let production: ApiServer
let token: string
let userId: number

const QUOTE = { paperType: 'essay', academicLevel: 'undergrad', subject: 'humanities', workType: 'writing', pages: 2, spacing: 'double', deadlineHours: 72 }

beforeAll(async () => {
  t = await startTestPayload()
  // Next's place: an admin page.
  server = await startApiServer(t.payload, { next: (_req, res) => res.type('html').send('<!doctype html><title>Admin</title>') })
  production = await startApiServer(t.payload, { production: true })
  token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  userId = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } } })).docs[0]!.id
  // A route that answers with a CSP of its own, as the /api/docs page does.
  t.payload.config.endpoints.push({
    path: '/own-csp-probe',
    method: 'get',
    handler: () => new Response('<!doctype html><p>probe</p>', { headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'none'; script-src 'self'" } }),
  })
})
afterAll(async () => {
  server?.close()
  production?.close()
  await t?.close()
})

const directives = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  )

describe('security headers', () => {
  it('on the API: nosniff, the CSP, a referrer policy, cross-origin resources, no X-Powered-By, no HSTS outside production', async () => {
    const res = await fetch(`${server.base}/api/tenants/current`, { headers: { 'x-tenant': 'alpha' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-powered-by')).toBeNull()
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('strict-transport-security')).toBeNull()
    const csp = directives(res)
    expect(csp['frame-ancestors']).toEqual(["'self'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'self'"])
    // The websites may be framed (the live preview), and nothing else.
    expect(csp['frame-src']).toEqual(expect.arrayContaining(["'self'", 'https://alpha.test', 'https://www.alpha.test', 'https://beta.test']))
    expect(csp['frame-src']).not.toContain('*')
    // No script-src or default-src: Next's admin inlines its scripts.
    expect(csp['script-src']).toBeUndefined()
    expect(csp['default-src']).toBeUndefined()
  })

  it('on the admin’s paths too, with same-origin resources', async () => {
    const res = await fetch(`${server.base}/admin/login`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    expect(directives(res)['frame-ancestors']).toEqual(["'self'"])
  })

  it('HSTS in production', async () => {
    const res = await fetch(`${production.base}/api/tenants/current`, { headers: { 'x-tenant': 'alpha' } })
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/)
  })

  it('a response with a CSP of its own keeps it', async () => {
    const res = await fetch(`${server.base}/api/own-csp-probe`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('body types', () => {
  const post = (path: string, contentType: string | null, body: string | FormData, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${path}`, {
      method: 'POST',
      headers: { 'x-tenant': 'alpha', ...(contentType ? { 'content-type': contentType } : {}), ...headers },
      body,
    })

  it('our JSON endpoints answer 415 to a text/plain body, through Express and called directly', async () => {
    const viaExpress = await post('/api/orders/quote', 'text/plain;charset=UTF-8', JSON.stringify(QUOTE))
    expect(viaExpress.status).toBe(415)
    expect(((await viaExpress.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(UNSUPPORTED_BODY_MESSAGE)
    const direct = await t.api.post('/api/orders/quote', { host: 'alpha.test', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(QUOTE) })
    expect(direct.status).toBe(415)
    expect(direct.body.errors[0].message).toBe(UNSUPPORTED_BODY_MESSAGE)
  })

  it('JSON and +json bodies are read; a multipart body to a JSON endpoint is a 415', async () => {
    expect((await post('/api/orders/quote', 'application/json', JSON.stringify(QUOTE))).status).toBe(200)
    expect((await post('/api/orders/quote', 'application/merge-patch+json; charset=utf-8', JSON.stringify(QUOTE))).status).toBe(200)
    const form = new FormData()
    form.append('_payload', JSON.stringify(QUOTE))
    expect((await post('/api/orders/quote', null, form)).status).toBe(415)
  })

  it('Payload’s collection routes through Express: 415 to text/plain and nothing written; JSON and multipart work', async () => {
    const nameNow = async () => (await t.payload.findByID({ collection: 'users', id: userId, depth: 0 })).name
    const before = await nameNow()
    const patch = (contentType: string, body: string | FormData) =>
      fetch(`${server.base}/api/users/${userId}?depth=0`, { method: 'PATCH', headers: { authorization: `JWT ${token}`, 'x-tenant': 'alpha', 'content-type': contentType }, body })
    const plain = await patch('text/plain', JSON.stringify({ name: 'Plain text' }))
    expect(plain.status).toBe(415)
    expect(await nameNow()).toBe(before)

    expect((await patch('application/json', JSON.stringify({ name: 'By JSON' }))).status).toBe(200)
    expect(await nameNow()).toBe('By JSON')
    const form = new FormData()
    form.append('_payload', JSON.stringify({ name: 'By the admin’s multipart' }))
    const multipart = await fetch(`${server.base}/api/users/${userId}?depth=0`, { method: 'PATCH', headers: { authorization: `JWT ${token}`, 'x-tenant': 'alpha' }, body: form })
    expect(multipart.status).toBe(200)
    expect(await nameNow()).toBe('By the admin’s multipart')
  })

  it('a form body only as Payload’s GET-by-POST (the admin’s relationship lookups)', async () => {
    const lookup = await post('/api/orders', 'application/x-www-form-urlencoded', 'limit=1&depth=0', { authorization: `JWT ${token}`, 'x-payload-http-method-override': 'GET' })
    expect(lookup.status).toBe(200)
    const listed = await fetch(`${server.base}/api/orders?limit=1&depth=0`, { headers: { authorization: `JWT ${token}`, 'x-tenant': 'alpha' } })
    expect(((await lookup.json()) as { totalDocs: number }).totalDocs).toBe(((await listed.json()) as { totalDocs: number }).totalDocs)
    const form = await post('/api/orders', 'application/x-www-form-urlencoded', 'topic=x', { authorization: `JWT ${token}` })
    expect(form.status).toBe(415)
  })
})
