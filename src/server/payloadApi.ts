import { once } from 'node:events'
import type { IncomingHttpHeaders } from 'node:http'
import { Readable } from 'node:stream'
import type { TLSSocket } from 'node:tls'

import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { graphqlPlayground } from '@/api/graphql/playground'
import { graphqlPost } from '@/api/graphql/route'
import { logger } from '@/logger'

type Handler = (request: Request) => Promise<Response>

/** A Host header that can stand in a URL's authority: a name or address and a port, nothing else. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i

const fail = (res: ExpressResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.status(status).json({ errors: [{ message }] })
}

/** The headers as Next hands them to a route: every value Node parsed, repeated ones appended. */
const headersOf = (incoming: IncomingHttpHeaders): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

const hasBody = (req: ExpressRequest) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/** Bodies up to this size (declared) are read whole first: a web stream over the socket costs more than the copy. */
const BUFFERED_BODY_BYTES = 64 * 1024

const readWhole = async (req: ExpressRequest): Promise<Uint8Array<ArrayBuffer>> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * The fetch Request Payload's handlers take, from the Express request: the full URL with
 * the request's Host (Payload's `req.origin`, the tenant rule reads the Host header), the
 * scheme as Next works it out, the headers, and the body: read whole when it is small,
 * streamed otherwise (a 25 MB upload is not held in memory before Payload's own size
 * limit sees it). `signal` aborts when the client goes away. Null when the Host cannot
 * make a URL.
 */
const toFetchRequest = async (req: ExpressRequest, method: string, signal: AbortSignal): Promise<Request | null> => {
  const host = req.headers.host ?? 'localhost'
  if (!HOST.test(host)) return null
  const encrypted = (req.socket as TLSSocket).encrypted === true
  const protocol = encrypted || String(req.headers['x-forwarded-proto'] ?? '').includes('https') ? 'https' : 'http'
  const init: RequestInit & { duplex?: 'half' } = { method, headers: headersOf(req.headers), signal }
  if (method !== 'GET' && method !== 'HEAD' && hasBody(req)) {
    const declared = Number(req.headers['content-length'] ?? Number.NaN)
    if (declared <= BUFFERED_BODY_BYTES) init.body = await readWhole(req)
    else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
      // Node's fetch streams a request body only in half-duplex mode.
      init.duplex = 'half'
    }
  }
  return new Request(`${protocol}://${host}${req.originalUrl}`, init)
}

/**
 * Payload answers an unknown route (404) and a collection without endpoints (501) as
 * `{ message }`: put into the API's error shape, `{ errors: [{ message }] }`.
 */
const inErrorShape = async (response: Response): Promise<Response> => {
  if ((response.status !== 404 && response.status !== 501) || !(response.headers.get('content-type') ?? '').includes('json')) return response
  const text = await response.text()
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON after all: sent as it came
  }
  const message = (body as { message?: unknown } | null)?.message
  const rewrapped = body !== null && typeof body === 'object' && !('errors' in body) && typeof message === 'string'
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(rewrapped ? JSON.stringify({ errors: [{ message }] }) : text, { status: response.status, headers })
}

/**
 * Status, every header (each Set-Cookie on its own; CORS left to the edge), then the
 * body streamed: CSV exports and PDFs arrive as they are made.
 */
const send = async (answer: Response, res: ExpressResponse, head: boolean, signal: AbortSignal) => {
  const response = await inErrorShape(answer)
  res.status(response.status)
  response.headers.forEach((value, name) => {
    // CORS is the edge's (src/security/cors.ts): Payload adds its own methods and headers to every answer.
    if (name === 'set-cookie' || name.startsWith('access-control-')) return
    // Added to the edge's `Vary: Origin`, not in its place; any other header of the answer wins (a CSP of its own).
    if (name === 'vary') res.vary(value)
    else res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body || head) {
    await response.body?.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Backpressure: wait for the socket to drain; a client that leaves aborts the wait.
      if (!res.write(value)) await once(res, 'drain', { signal })
    }
    res.end()
  } catch (error) {
    await reader.cancel().catch(() => undefined)
    throw error
  }
}

/**
 * `/api/*` and `/api/graphql` answered by Payload's own request handlers on the Express
 * host, as Next's generated routes call them (`handleEndpoints` for REST, our
 * `graphqlPost` for GraphQL, the playground behind its switch), without Next's routing
 * in front. Next keeps the admin panel, and `/api/og` (the admin's Open Graph images,
 * an endpoint only Next's route adds): `next` gets what is not answered here. HEAD is
 * GET without a body, as Next does for route handlers. A failure outside Payload's own
 * error handling answers in the API's error shape.
 */
export const payloadApi = (config: SanitizedConfig): RequestHandler => {
  const api = config.routes.api
  const graphqlPath = `${api}${config.routes.graphQL}`
  const playgroundPath = `${api}${config.routes.graphQLPlayground}`
  const rest: Handler = (request) => handleEndpoints({ config: Promise.resolve(config), request })
  const graphql: Handler = graphqlPost(config)
  const playground: Handler = graphqlPlayground(config)

  const route = (path: string, method: string): Handler | 'next' | 405 => {
    if (path === `${api}/og`) return 'next'
    if (path === graphqlPath) return method === 'POST' ? graphql : method === 'OPTIONS' ? rest : 405
    if (path === playgroundPath) return method === 'GET' || method === 'HEAD' ? playground : 405
    return rest
  }

  return async (req, res, next) => {
    if (req.path !== api && !req.path.startsWith(`${api}/`)) return next()
    const head = req.method === 'HEAD'
    const method = head ? 'GET' : req.method
    const handler = route(req.path, method)
    if (handler === 'next') return next()
    if (handler === 405) return fail(res, 405, `${req.method} is not allowed on ${req.path}.`, { Allow: req.path === graphqlPath ? 'POST, OPTIONS' : 'GET, HEAD' })

    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    try {
      const request = await toFetchRequest(req, method, abort.signal)
      if (!request) return fail(res, 400, 'The Host header is not a host name.')
      await send(await handler(request), res, head, abort.signal)
    } catch (error) {
      // The client went away (a closed tab, a load tester stopping): nobody to answer.
      if (abort.signal.aborted || res.destroyed) return
      if (res.headersSent) {
        res.destroy(error as Error)
        return
      }
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && status >= 400 && status < 500) return fail(res, status, (error as Error).message)
      // Payload's GET-by-POST parses a JSON body outside its own error handling.
      if (error instanceof SyntaxError) return fail(res, 400, 'The request body is not valid JSON.')
      logger.error({ err: error, path: req.path }, 'API request failed outside Payload')
      fail(res, 500, 'Something went wrong.')
    }
  }
}
