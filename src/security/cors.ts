import type { Request, RequestHandler, Response } from 'express'

import type { OriginCache } from './originCache'
import { originOf, type AllowedOrigins } from './origins'

const API_PATH = /^\/api(\/|$)/

export const CORS_ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/** What a frontend may send: the auth header, JSON, the money POSTs' key, the website, SSE resumption, and that a request is background polling. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  'Accept-Language',
  'Idempotency-Key',
  'X-Tenant',
  'Last-Event-ID',
  'X-Requested-With',
  'X-Payload-HTTP-Method-Override',
  'X-HTTP-Method-Override',
  'X-Session-Passive',
]

/** What a frontend may read besides the CORS-safelisted headers. */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'X-Session-Idle-Timeout', 'X-Session-Expires-At', 'X-Export-Truncated', 'X-Export-Total', 'Content-Disposition', 'Content-Length']

/** Browsers keep a preflight answer this long (seconds). */
export const CORS_MAX_AGE_S = 600

/** The allowed origins of this request, once the CORS middleware loaded them (the CSP reads them too). */
export const allowedOriginsOf = (res: Response): AllowedOrigins | undefined => res.locals.allowedOrigins as AllowedOrigins | undefined

/** Loads the allowed origins for every request (a cached list: no query most of the time). */
export const loadAllowedOrigins =
  (origins: OriginCache): RequestHandler =>
  async (_req, res, next) => {
    res.locals.allowedOrigins = await origins.get()
    next()
  }

const refuse = (res: Response, origin: string) =>
  res.status(403).json({
    errors: [
      {
        message: `CORS: the origin ${origin} may not call this API from a browser; allowed are the websites' own domains (https) and CORS_ORIGINS.`,
      },
    ],
  })

const isPreflight = (req: Request) => req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string'

/**
 * CORS for /api, from the allowed origins (after `loadAllowedOrigins`): a preflight from
 * an allowed origin is answered here (204, the origin itself with credentials, methods,
 * headers, Max-Age); from any other, 403 with no CORS header. An actual request from an
 * allowed origin gets the origin, credentials and the exposed headers; from any other,
 * nothing, so the browser keeps the answer from the page. Every /api answer varies by Origin.
 */
export const corsMiddleware = (): RequestHandler => (req, res, next) => {
  if (!API_PATH.test(req.path)) return next()
  res.vary('Origin')
  const sent = req.headers.origin
  if (sent === undefined) return next()
  const origin = originOf(sent)
  const allowed = origin !== null && (allowedOriginsOf(res)?.allows(origin) ?? false)
  if (isPreflight(req)) {
    if (!allowed) return refuse(res, sent)
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Access-Control-Allow-Methods', CORS_ALLOWED_METHODS.join(', '))
    res.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '))
    res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_S))
    res.status(204).end()
    return
  }
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '))
  }
  next()
}
