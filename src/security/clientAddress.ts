import type { IncomingMessage, ServerResponse } from 'node:http'

import proxyaddr from 'proxy-addr'

import { env } from '@/env'

import { parseTrustProxy, type Trust } from './trustProxy'

/**
 * The private header that carries the client's address from the HTTP server to Payload
 * (and so to `clientIp`). Only `assignClientAddress` sets it; a copy sent by a client is
 * replaced, never believed.
 */
export const CLIENT_ADDRESS_HEADER = 'x-scriptorium-client-address'

/**
 * Works out the client's address once, with proxy-addr under `trust` (the socket's peer,
 * or the first untrusted X-Forwarded-For hop going back from it), and hands it on in
 * the private header. Node keeps a request's headers twice (parsed, and as sent); both
 * are rewritten so that whatever builds Payload's request from this one (Next, Payload's
 * handler, the bench's server) sees only our value.
 */
export const assignClientAddress = (req: IncomingMessage, trust: Trust): string => {
  const address = proxyaddr(req, trust) || 'unknown'
  const raw: string[] = []
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  raw.push(CLIENT_ADDRESS_HEADER, address)
  req.rawHeaders = raw
  req.headers[CLIENT_ADDRESS_HEADER] = address
  return address
}

/** The same as middleware for Express (or any connect-style server), trust compiled once from TRUST_PROXY. */
export const clientAddressMiddleware = (trust: Trust = parseTrustProxy(env().TRUST_PROXY)) =>
  (req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    assignClientAddress(req, trust)
    next()
  }
