import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { REFERENCE_CSP } from '../../src/api/openapi/referencePage'
import { type ApiServer, startApiServer } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let ctx: TestContext
let server: ApiServer

beforeAll(async () => {
  ctx = await startTestPayload()
  server = await startApiServer(ctx.payload)
})

afterAll(async () => {
  server?.close()
  await ctx?.close()
})

const urlsIn = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!.replace(/&#38;/g, '&'))

describe('GET /api/docs (the reference page), through the web process’s edge and API handler', () => {
  it('is HTML whose every script, style and image is this server’s, under its own Content-Security-Policy (not the admin’s), with no inline script', async () => {
    const res = await fetch(`${server.base}/api/docs`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toBe(REFERENCE_CSP)
    expect(REFERENCE_CSP).toContain("script-src 'self'")
    expect(REFERENCE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    const html = await res.text()
    // Every <script> has a src and no body: the strict CSP allows no inline script.
    for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attributes).toMatch(/src="/)
      expect(body!.trim()).toBe('')
    }
    const urls = urlsIn(html)
    expect(urls.length).toBeGreaterThanOrEqual(4)
    for (const url of urls) {
      expect(url.startsWith('/api/docs/'), url).toBe(true)
      const asset = await fetch(`${server.base}${url}`)
      expect(asset.status, url).toBe(200)
      expect(asset.headers.get('cache-control'), url).toMatch(/max-age=\d{6,}/)
      expect(asset.headers.get('content-type'), url).toMatch(/^(text\/css|text\/javascript|image\/png)/)
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(100)
    }
    const init = await (await fetch(`${server.base}/api/docs/init.js`)).text()
    expect(init).toContain('"/api/openapi.json"')
  })

  it('answers 404 in the error shape for a file that is not one of the page’s', async () => {
    for (const name of ['package.json', '..%2F..%2Fpackage.json', 'index.html']) {
      const res = await fetch(`${server.base}/api/docs/${name}`)
      expect(res.status, name).toBe(404)
      expect((await res.json()).errors[0].message).toBeTruthy()
    }
  })
})

describe('GET /api/openapi.json', () => {
  it('answers the OpenAPI 3.1 document with this route in it', async () => {
    const res = await fetch(`${server.base}/api/openapi.json`)
    expect(res.status).toBe(200)
    const document = await res.json()
    expect(document.openapi).toBe('3.1.0')
    expect(document.paths['/api/openapi.json'].get.operationId).toBeTruthy()
    expect(document.paths['/api/docs'].get).toBeTruthy()
  })
})
