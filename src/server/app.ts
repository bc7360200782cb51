import express, { type Express, type RequestHandler, type Router } from 'express'

import { clientAddressMiddleware } from '@/security/clientAddress'

import { healthRoutes, type ReadinessCheck } from './health'

/**
 * The web process's HTTP surface: first the client's address (under TRUST_PROXY, handed
 * on in a private header for the rate limits), then health probes, the long-lived
 * routes (live events, queue dashboard), then everything else (admin, REST, GraphQL)
 * handed to Next. No global body parser: Payload reads request bodies itself.
 */
export const createApp = (options: { checks: ReadinessCheck[]; guard?: RequestHandler; routers?: Router[]; next?: RequestHandler }): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.use(clientAddressMiddleware())
  app.use(healthRoutes(options.checks))
  if (options.guard) app.use(options.guard)
  for (const router of options.routers ?? []) app.use(router)
  if (options.next) app.all('/{*splat}', options.next)
  return app
}
