import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Express, RequestHandler, Router } from 'express'
import type { Payload } from 'payload'

import type { EdgeOptions } from '../../src/server/app'
import { answerClientErrors } from '../../src/server/clientErrors'
import { payloadApi } from '../../src/server/payloadApi'

/** The web process's API handler (src/server/payloadApi.ts): `/api/*` and GraphQL through Payload's own handlers. */
export const payloadApiRoute = (payload: Payload): RequestHandler => payloadApi(payload.config)

/** Listens on a free port of 127.0.0.1; answers the base URL and a close function. */
export const listen = async (app: Express): Promise<{ base: string; close: () => void }> => {
  const server: Server = answerClientErrors(app.listen(0, '127.0.0.1'))
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

export type ApiServer = { base: string; edge: EdgeOptions; close: () => void }

/**
 * The web process's HTTP stack as src/server/index.ts builds it, without Next: the
 * client's address, the edge (allowed origins from the database, headers, CORS, the
 * Origin rule, body types), `routers` (the live events), the API; `next` stands in for Next. Start the event bus first to hear website changes.
 */
export const startApiServer = async (payload: Payload, options: { development?: boolean; production?: boolean; ttlMs?: number; routers?: Router[]; next?: RequestHandler } = {}): Promise<ApiServer> => {
  const { createApp } = await import('../../src/server/app')
  const { websiteOriginCache } = await import('../../src/server/websiteOrigins')
  const edge: EdgeOptions = {
    origins: websiteOriginCache(payload, { ttlMs: options.ttlMs, development: options.development }),
    cookieName: `${payload.config.cookiePrefix}-token`,
    production: options.production ?? false,
    development: options.development ?? false,
  }
  const server = await listen(createApp({ checks: [], edge, routers: options.routers, api: payloadApiRoute(payload), next: options.next }))
  return {
    ...server,
    edge,
    close: () => {
      edge.origins.close()
      server.close()
    },
  }
}
