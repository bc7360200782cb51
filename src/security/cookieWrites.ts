import type { Request, RequestHandler } from 'express'

import { allowedOriginsOf } from './cors'
import { originOf } from './origins'

const API_PATH = /^\/api(\/|$)/
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Payload reads these Authorization schemes before the cookie (`auth.jwtOrder`): with one, the cookie is not what authenticates. */
const HEADER_TOKEN = /^(JWT|Bearer) \S/

export const COOKIE_ORIGIN_MESSAGE =
  'Origin rule: a write authenticated by the login cookie must come from this site or one of the websites’ domains; from another origin, send the token in an Authorization header.'

const hasCookie = (req: Request, name: string) =>
  (req.headers.cookie ?? '').split(';').some((pair) => pair.trim().startsWith(`${name}=`))

/** Where the page that sent the request lives: its Origin header, else its Referer's origin; undefined when it named neither. */
const senderOf = (req: Request): string | null | undefined => {
  const origin = req.headers.origin
  if (origin !== undefined) return originOf(origin)
  const referer = req.headers.referer
  if (referer !== undefined) return originOf(referer)
  return undefined
}

/**
 * The login cookie rides along with any request the browser makes to this host, from
 * any page of the same site (SameSite=Lax stops only other sites). So a write to /api
 * that the cookie authenticates must come from a page of this host or of an allowed
 * origin: otherwise 403, before anything runs. Requests that name no page at all (no
 * Origin, no Referer: curl, servers) and requests with a header token are not a
 * browser's cookie riding along, and pass.
 */
export const cookieWriteOriginRule =
  (cookieName: string): RequestHandler =>
  (req, res, next) => {
    if (!WRITES.has(req.method) || !API_PATH.test(req.path)) return next()
    if (!hasCookie(req, cookieName) || HEADER_TOKEN.test(req.headers.authorization ?? '')) return next()
    const sender = senderOf(req)
    if (sender === undefined) return next()
    const host = (req.headers.host ?? '').toLowerCase()
    // This host over either scheme: TLS is usually ended by a proxy in front, so the
    // scheme this process sees says nothing about the page's.
    const ownOrigin = sender !== null && host !== '' && new URL(sender).host === host
    if (ownOrigin || (sender !== null && allowedOriginsOf(res)?.allows(sender))) return next()
    res.status(403).json({ errors: [{ message: COOKIE_ORIGIN_MESSAGE }] })
  }
