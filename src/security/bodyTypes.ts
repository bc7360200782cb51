import type { RequestHandler } from 'express'

import { isJsonMediaType, isMultipart, mediaTypeOf, UNSUPPORTED_BODY_MESSAGE } from './mediaTypes'

const API_PATH = /^\/api(\/|$)/

const hasBody = (headers: Record<string, string | string[] | undefined>) =>
  Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined

/** Payload's relationship fields ask for lists by POST with the query as a form body and this header. */
const isMethodOverrideGet = (headers: Record<string, string | string[] | undefined>) =>
  headers['x-payload-http-method-override'] === 'GET' || headers['x-http-method-override'] === 'GET'

/**
 * The bodies /api reads: JSON everywhere, multipart for Payload's uploads and the
 * admin's saves (`_payload`), and a form body only for Payload's GET-by-POST. Anything
 * else with a body is a 415 before it reaches a route: Payload's collection routes
 * ignore a `text/plain` body and would run the operation without it (a create or
 * update with no data, a logout), which is no write a client meant.
 */
export const apiBodyTypes = (): RequestHandler => (req, res, next) => {
  if (!API_PATH.test(req.path) || req.method === 'GET' || req.method === 'HEAD' || !hasBody(req.headers)) return next()
  const type = req.headers['content-type']
  if (isJsonMediaType(type) || isMultipart(type)) return next()
  if (mediaTypeOf(type) === 'application/x-www-form-urlencoded' && isMethodOverrideGet(req.headers)) return next()
  res.status(415).json({ errors: [{ message: UNSUPPORTED_BODY_MESSAGE }] })
}
