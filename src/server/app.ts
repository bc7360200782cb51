import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Router } from 'express'

import { logger } from '@/logger'

import { apiBodyTypes } from '@/security/bodyTypes'
import { clientAddressMiddleware } from '@/security/clientAddress'
import { cookieWriteOriginRule } from '@/security/cookieWrites'
import { corsMiddleware, loadAllowedOrigins } from '@/security/cors'
import { securityHeaders } from '@/security/headers'
import type { OriginCache } from '@/security/originCache'

import { healthRoutes, type ReadinessCheck } from './health'

/** What guards the browser-facing edge: the allowed origins and the login cookie's name. */
export type EdgeOptions = { origins: OriginCache; cookieName: string; production: boolean; development: boolean }

/**
 * The edge in front of every route but the probes: the allowed origins (cached), the
 * security headers, CORS, the Origin rule for cookie writes, and the body types /api reads.
 */
export const edgeMiddleware = (edge: EdgeOptions): RequestHandler[] => [
  loadAllowedOrigins(edge.origins),
  ...securityHeaders(edge),
  corsMiddleware(),
  cookieWriteOriginRule(edge.cookieName),
  apiBodyTypes(),
]

/**
 * The web process's HTTP surface: first the client's address (under TRUST_PROXY, handed
 * on in a private header for the rate limits), then health probes, the edge (headers,
 * CORS, the Origin rule, body types), the availability guard, the long-lived routes
 * (live events, queue dashboard), the API (`/api/*` and GraphQL through Payload's own
 * handlers, src/server/payloadApi.ts), then everything else (the admin) handed to Next.
 * No global body parser: Payload reads request bodies itself.
 */
export const createApp = (options: {
  checks: ReadinessCheck[]
  edge?: EdgeOptions
  guard?: RequestHandler
  routers?: Router[]
  api?: RequestHandler
  next?: RequestHandler
}): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.use(clientAddressMiddleware())
  app.use(healthRoutes(options.checks))
  if (options.edge) app.use(edgeMiddleware(options.edge))
  if (options.guard) app.use(options.guard)
  for (const router of options.routers ?? []) app.use(router)
  if (options.api) app.use(options.api)
  if (options.next) app.all('/{*splat}', options.next)
  app.use(jsonErrors)
  return app
}

/**
 * What fails in Express itself (a path that is not valid percent-encoding cannot even be
 * matched to a route) answers in the API's error shape, not Express's HTML page, and
 * says nothing of the server's insides.
 */
const jsonErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error)
  const raw = (error as { status?: unknown }).status
  const status = typeof raw === 'number' && raw >= 400 && raw < 600 ? raw : 500
  if (status >= 500) logger.error({ err: error }, 'request failed in the HTTP server')
  const message =
    error instanceof URIError || /decode/i.test(String((error as Error)?.message)) ? 'The address is not validly percent-encoded.' : status < 500 ? 'The request could not be read.' : 'Something went wrong.'
  res.status(status).json({ errors: [{ message }] })
}
