import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '@/domain/files/uploadLimits'
import { COOKIE_ORIGIN_MESSAGE } from '@/security/cookieWrites'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startApiServer, type ApiServer } from '../helpers/payloadApiRoute'
import { placeOrderFor, tinyPng } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The production path of the API over real HTTP: Express → src/server/payloadApi.ts →
 * Payload's own handlers, behind the edge (src/server/app.ts). Login and logout set
 * their cookies, every way of authenticating works, uploads stream through with
 * Payload's size limit, unknown routes answer JSON in the error shape, the Host picks
 * the website; and a write the login cookie authenticates is refused from a foreign page.
 */

let t: TestContext
let server: ApiServer
let alphaId: number

beforeAll(async () => {
  t = await startTestPayload()
  const { memoryEventBus } = await import('@/events/bus')
  const { eventStreams } = await import('@/server/events')
  server = await startApiServer(t.payload, { routers: [eventStreams(t.payload, memoryEventBus()).router] })
  alphaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })).docs[0]!.id
})
afterAll(async () => {
  server?.close()
  await t?.close()
})

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: any }

/** A request with any headers, Host included (fetch would set its own). */
const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(`${server.base}${path}`)
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let parsed: unknown = text
        try {
          parsed = text ? JSON.parse(text) : null
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed })
      })
    })
    req.on('error', reject)
    req.end(body)
  })

const login = async (email: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'alpha', ...headers },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  return { res, body: (await res.json()) as { token?: string; user?: { id: number; email: string } } }
}

const cookieOf = (res: Response) => {
  const token = res.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))
  if (!token) throw new Error('no payload-token cookie')
  return token.split(';', 1)[0]!
}

describe('login and authentication', () => {
  it('login sets the HTTP-only SameSite=Lax cookie through the Express path', async () => {
    const { res, body } = await login('client@alpha.test')
    expect(res.status).toBe(200)
    expect(body.token).toBeTruthy()
    const cookies = res.headers.getSetCookie()
    const token = cookies.find((cookie) => cookie.startsWith('payload-token='))
    expect(token).toMatch(/HttpOnly/i)
    expect(token).toMatch(/SameSite=Lax/i)
    expect(token).toMatch(/Path=\//i)
  })

  it('the cookie, `JWT <token>` and `Bearer <token>` each authenticate; logout clears the cookie', async () => {
    const { res, body } = await login('client@alpha.test')
    const cookie = cookieOf(res)
    const ways: Record<string, string>[] = [{ cookie }, { authorization: `JWT ${body.token}` }, { authorization: `Bearer ${body.token}` }]
    for (const headers of ways) {
      const me = await send('GET', '/api/users/me', { ...headers, 'x-tenant': 'alpha' })
      expect(me.status, JSON.stringify(headers)).toBe(200)
      expect(me.body.user?.email).toBe('client@alpha.test')
    }
    const anonymous = await send('GET', '/api/users/me', { 'x-tenant': 'alpha' })
    expect(anonymous.body.user).toBeNull()

    const out = await fetch(`${server.base}/api/users/logout`, { method: 'POST', headers: { cookie, 'x-tenant': 'alpha' } })
    expect(out.status).toBe(200)
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
    expect(cleared).toMatch(/^payload-token=;/)
    expect(Date.parse(/Expires=([^;]+)/i.exec(cleared!)![1]!)).toBeLessThanOrEqual(Date.now())
  })

  it('GraphQL answers through the same path with the same authentication', async () => {
    const { body } = await login('client@alpha.test')
    const res = await fetch(`${server.base}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${body.token}`, 'x-tenant': 'alpha' },
      body: JSON.stringify({ query: '{ meUser { user { email } } }' }),
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: { meUser: { user: { email: string } } } }).data.meUser.user.email).toBe('client@alpha.test')
    const get = await send('GET', '/api/graphql')
    expect(get.status).toBe(405)
    expect(get.body.errors[0].message).toMatch(/GET is not allowed/)
    // The playground page (on outside production) is served here too.
    const playground = await send('GET', '/api/graphql-playground')
    expect(playground.status).toBe(200)
    expect(playground.headers['content-type']).toMatch(/text\/html/)
  })
})

describe('requests and answers', () => {
  it('/api/events stays the live-event route of Express, in front of the API', async () => {
    const anonymous = await send('GET', '/api/events')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBe('Log in to receive live events.')
  })

  it('an unknown /api route answers 404 in JSON, in the error shape', async () => {
    for (const path of ['/api/nothing-here', '/api/orders/1/nothing/else', '/api/globals/none']) {
      const res = await send('GET', path)
      expect(res.status, path).toBe(404)
      expect(res.headers['content-type']).toMatch(/application\/json/)
      expect(res.body.errors[0].message, path).toEqual(expect.any(String))
    }
  })

  it('headers over Node’s limit get a 431 in the error shape (Node alone answers a bare status)', async () => {
    const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = http.request(`${server.base}/api/order-options`, { headers: { host: 'alpha.test', 'x-filler': 'a'.repeat(20_000) } }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }))
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(431)
    expect(type).toMatch(/application\/json/)
    expect(JSON.parse(body).errors[0].message).toMatch(/16 KB/)
  })

  it('the Host header picks the website, else X-Tenant; a Host that is no host name is a 400', async () => {
    const byHost = await send('GET', '/api/tenants/current', { host: 'beta.test' })
    expect(byHost.status).toBe(200)
    expect(byHost.body.slug).toBe('beta')
    const byHeader = await send('GET', '/api/tenants/current', { 'x-tenant': 'alpha' })
    expect(byHeader.body.slug).toBe('alpha')
    const unknown = await send('GET', '/api/tenants/current', { host: 'nobody.test' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toMatch(/nobody\.test/)
    const broken = await send('GET', '/api/tenants/current', { host: 'alpha.test/@evil' })
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].message).toMatch(/Host/)
  })

  it('multipart uploads stream through: an admin’s media and a client’s order file; HEAD answers the file’s headers', async () => {
    const admin = (await login('admin@alpha.test')).body.token!
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await tinyPng())], { type: 'image/png' }), 'edge.png')
    form.append('_payload', JSON.stringify({ alt: 'Through Express', tenant: alphaId }))
    const media = await fetch(`${server.base}/api/media?depth=0`, { method: 'POST', headers: { authorization: `JWT ${admin}`, 'x-tenant': 'alpha' }, body: form })
    const mediaBody = (await media.json()) as { doc: { id: number; url: string; filename: string } }
    expect(media.status, JSON.stringify(mediaBody)).toBe(201)
    const file = await send('HEAD', mediaBody.doc.url, { authorization: `JWT ${admin}` })
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('image/png')
    expect(file.body).toBeNull()

    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const client = (await login('client@alpha.test')).body.token!
    const upload = new FormData()
    upload.append('file', new Blob(['my instructions'], { type: 'text/plain' }), 'instructions.txt')
    upload.append('_payload', JSON.stringify({ order: order.id, purpose: 'instructions' }))
    const res = await fetch(`${server.base}/api/order-files?depth=0`, { method: 'POST', headers: { authorization: `JWT ${client}`, 'x-tenant': 'alpha' }, body: upload })
    expect(res.status, await res.clone().text()).toBe(201)
  })

  it('an upload over 25 MB is a 413 in the error shape and stores nothing', async () => {
    const client = (await login('client@alpha.test')).body.token!
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const before = (await t.payload.count({ collection: 'order-files' })).totalDocs
    const form = new FormData()
    form.append('_payload', JSON.stringify({ order: order.id, purpose: 'reference' }))
    form.append('file', new Blob([Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'x')], { type: 'text/plain' }), 'huge.txt')
    const res = await fetch(`${server.base}/api/order-files?depth=0`, { method: 'POST', headers: { authorization: `JWT ${client}`, 'x-tenant': 'alpha' }, body: form })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/25 MB/)
    expect((await t.payload.count({ collection: 'order-files' })).totalDocs).toBe(before)
  })

  it('an answer is streamed: the client reads the first part before the rest is made', async () => {
    let finish: () => void = () => {}
    const rest = new Promise<void>((resolve) => (finish = resolve))
    t.payload.config.endpoints.push({
      path: '/stream-probe',
      method: 'get',
      handler: () =>
        new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('first\n'))
              await rest
              controller.enqueue(new TextEncoder().encode('second\n'))
              controller.close()
            },
          }),
          { headers: { 'content-type': 'text/plain' } },
        ),
    })
    const res = await fetch(`${server.base}/api/stream-probe`)
    const reader = res.body!.getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first\n')
    finish()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('second\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('a CSV export streams through with its headers', async () => {
    const admin = (await login('admin@alpha.test')).body.token!
    const res = await fetch(`${server.base}/api/orders/export.csv?limit=5`, { headers: { authorization: `JWT ${admin}`, 'x-tenant': 'alpha' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    expect(res.headers.get('content-disposition')).toMatch(/attachment/)
    expect((await res.text()).split('\n')[0]).toMatch(/id/i)
  })
})

describe('the Origin rule for writes the login cookie authenticates', () => {
  let cookie: string
  let token: string
  let userId: number
  const nameNow = async () => (await t.payload.findByID({ collection: 'users', id: userId, depth: 0 })).name

  beforeAll(async () => {
    const { res, body } = await login('client@alpha.test')
    cookie = cookieOf(res)
    token = body.token!
    userId = body.user!.id
  })

  const rename = (name: string, headers: Record<string, string>) =>
    send('PATCH', `/api/users/${userId}?depth=0`, { 'content-type': 'application/json', 'x-tenant': 'alpha', ...headers }, JSON.stringify({ name }))

  it('from a foreign Origin: 403 naming the rule, and nothing written', async () => {
    const before = await nameNow()
    for (const origin of ['https://evil.test', 'https://evil.alpha.test', 'null']) {
      const res = await rename('Renamed by a foreign page', { cookie, origin })
      expect(res.status, origin).toBe(403)
      expect(res.body.errors[0].message).toBe(COOKIE_ORIGIN_MESSAGE)
    }
    // Without an Origin, the Referer names the page.
    const byReferer = await rename('Renamed by a foreign page', { cookie, referer: 'https://evil.test/page' })
    expect(byReferer.status).toBe(403)
    expect(await nameNow()).toBe(before)
  })

  it('the same write with a Bearer or JWT token from that Origin is allowed', async () => {
    const bearer = await rename('Renamed with a Bearer token', { cookie, origin: 'https://evil.test', authorization: `Bearer ${token}` })
    expect(bearer.status, JSON.stringify(bearer.body)).toBe(200)
    expect(await nameNow()).toBe('Renamed with a Bearer token')
    const jwt = await rename('Renamed with a JWT token', { origin: 'https://evil.test', authorization: `JWT ${token}` })
    expect(jwt.status).toBe(200)
    expect(await nameNow()).toBe('Renamed with a JWT token')
  })

  it('from this host, a website’s domain, or no page at all (curl, servers): allowed', async () => {
    const own = await rename('Renamed on this host', { cookie, origin: server.base })
    expect(own.status, JSON.stringify(own.body)).toBe(200)
    const website = await rename('Renamed on the website', { cookie, origin: 'https://alpha.test' })
    expect(website.status).toBe(200)
    const sameReferer = await rename('Renamed from a page of this host', { cookie, referer: `${server.base}/admin/account` })
    expect(sameReferer.status).toBe(200)
    const noPage = await rename('Renamed by a script', { cookie })
    expect(noPage.status).toBe(200)
    expect(await nameNow()).toBe('Renamed by a script')
  })

  it('GraphQL over the cookie from a foreign Origin is refused the same way; with a Bearer token it runs', async () => {
    const query = JSON.stringify({ query: '{ meUser { user { email } } }' })
    const refused = await send('POST', '/api/graphql', { cookie, origin: 'https://evil.test', 'content-type': 'application/json', 'x-tenant': 'alpha' }, query)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toBe(COOKIE_ORIGIN_MESSAGE)
    const bearer = await send('POST', '/api/graphql', { origin: 'https://evil.test', authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-tenant': 'alpha' }, query)
    expect(bearer.status).toBe(200)
    expect(bearer.body.data.meUser.user.email).toBe('client@alpha.test')
  })

  it('reads are not writes: a cookie GET from a foreign Origin still answers (CORS keeps it from the page)', async () => {
    const res = await send('GET', '/api/users/me', { cookie, origin: 'https://evil.test', 'x-tenant': 'alpha' })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})
