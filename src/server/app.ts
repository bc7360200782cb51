import express, { type Express, type RequestHandler } from 'express'

import { healthRoutes, type ReadinessCheck } from './health'

/**
 * The web process's HTTP surface: health probes, then everything else (admin, REST,
 * GraphQL) handed to Next. No global body parser: Payload reads request bodies itself.
 */
export const createApp = (options: { checks: ReadinessCheck[]; next?: RequestHandler }): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.use(healthRoutes(options.checks))
  if (options.next) app.all('/{*splat}', options.next)
  return app
}
