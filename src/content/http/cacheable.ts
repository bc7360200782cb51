import { createHash } from 'node:crypto'

/**
 * Public content (posts, pages, search, feeds) is the same for every reader of a website,
 * so shared caches may keep it briefly and serve it stale while they revalidate; the
 * website comes from Host or X-Tenant, so both must be part of the cache key.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300'
export const PUBLIC_VARY = 'Host, X-Tenant'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** Web `Headers` (Payload endpoints) or Node's header record (Express's `req.headers`). */
export type HeaderSource = Pick<Headers, 'get'> | Readonly<Record<string, string | readonly string[] | undefined>>

export type ConditionalAnswer = {
  status: 200 | 304
  headers: Record<string, string>
  /** null for 304: a Not Modified answer has no body. */
  body: string | null
}

const headerValue = (headers: HeaderSource, name: string): string | null => {
  if (typeof (headers as Pick<Headers, 'get'>).get === 'function') return (headers as Pick<Headers, 'get'>).get(name)
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>
  const value = record[name] ?? record[name.toLowerCase()]
  if (value === undefined) return null
  return typeof value === 'string' ? value : value.join(', ')
}

/**
 * A strong validator from the exact bytes served: any change of the body (a publish, a
 * price list edit reflected in a pricing table) changes it, and equal bodies on two web
 * processes get the same tag, so a load balancer does not defeat revalidation.
 */
export const strongEtag = (body: string): string => `"${createHash('sha256').update(body).digest('base64url')}"`

/** The opaque part of an entity tag, so `W/"x"` and `"x"` compare equal (weak comparison, RFC 9110 §8.8.3.2). */
const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag)

/**
 * Whether an If-None-Match header matches the current tag: `*` matches any existing
 * representation; otherwise a comma-separated list of tags compared weakly, as RFC 9110
 * §13.1.2 requires for If-None-Match. Tags are taken whole (quotes included) so a comma
 * inside a quoted tag does not split it.
 */
export const ifNoneMatchHits = (header: string | null | undefined, etag: string): boolean => {
  if (!header) return false
  if (header.trim() === '*') return true
  const wanted = opaque(etag)
  const tags = header.match(/(?:W\/)?"[^"]*"/g) ?? []
  return tags.some((tag) => opaque(tag) === wanted)
}

/**
 * The answer to a GET of a public resource whose representation is `body`: 200 with the
 * body, or 304 without one when the client already holds it. Both carry the validator
 * and the caching headers (a 304 must repeat ETag, Cache-Control and Vary). Pure, so the
 * Express routes and the Payload endpoints answer alike.
 */
export const conditionalAnswer = (headers: HeaderSource, body: string, contentType: string = JSON_CONTENT_TYPE): ConditionalAnswer =>
  taggedAnswer(headers, body, strongEtag(body), contentType)

/**
 * `conditionalAnswer` for a body whose tag is known already (a cached answer keeps both):
 * `etag` must be `strongEtag(body)`.
 */
export const taggedAnswer = (headers: HeaderSource, body: string, etag: string, contentType: string = JSON_CONTENT_TYPE): ConditionalAnswer => {
  const common = { etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: PUBLIC_VARY }
  if (ifNoneMatchHits(headerValue(headers, 'if-none-match'), etag)) return { status: 304, headers: common, body: null }
  return { status: 200, headers: { ...common, 'content-type': contentType }, body }
}

/** `conditionalAnswer` as a web Response, for Payload endpoints (`req.headers` is a `Headers`). */
export const cacheableAnswer = (req: { headers: HeaderSource }, body: string, contentType: string = JSON_CONTENT_TYPE): Response =>
  taggedResponse(req, body, strongEtag(body), contentType)

/** `taggedAnswer` as a web Response. */
export const taggedResponse = (req: { headers: HeaderSource }, body: string, etag: string, contentType: string = JSON_CONTENT_TYPE): Response => {
  const answer = taggedAnswer(req.headers, body, etag, contentType)
  return new Response(answer.body, { status: answer.status, headers: answer.headers })
}

/**
 * A permanent move of a public resource (an old slug): cacheable like the resource, for
 * the same short time, since a new document may claim the old slug later.
 */
export const movedAnswer = (location: string): Response =>
  new Response(null, { status: 301, headers: { location, 'cache-control': PUBLIC_CACHE_CONTROL, vary: PUBLIC_VARY } })
