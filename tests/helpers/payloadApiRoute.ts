import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Express, RequestHandler } from 'express'
import { handleEndpoints, type Payload } from 'payload'

/**
 * What Next's `/api/[...slug]` route does in the web process, without `next build`: the
 * Express request becomes a fetch Request (built from the headers Express holds, as
 * Next builds it) for Payload's REST router, and its Response goes back to the client.
 */
export const payloadApiRoute = (payload: Payload): RequestHandler => async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one)
  }
  const body = chunks.length > 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.originalUrl}`, { method: req.method, headers, body })
  const response = await handleEndpoints({ config: Promise.resolve(payload.config), request })
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  res.status(response.status).end(Buffer.from(await response.arrayBuffer()))
}

/** Listens on a free port of 127.0.0.1; answers the base URL and a close function. */
export const listen = async (app: Express): Promise<{ base: string; close: () => void }> => {
  const server: Server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}
