import { APIError, type Endpoint, NotFound, type PayloadHandler, type PayloadRequest, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { MAX_RECORD_ID } from '@/domain/recordId'
import { invalidInput } from '@/errors'
import { isMultipart } from '@/security/mediaTypes'

import { isVerifyRoute, verifiesNothing } from './unverifiedAuth'

const ID = /^\d{1,10}$/

/** A multipart content type that names its boundary, the only kind Payload's parser takes. */
const MULTIPART_WITH_BOUNDARY = /^multipart\/[\w.+-]+(?:\s*;\s*[\w-]+=(?:"[^"]+"|[^\s;"]+))*\s*;\s*boundary=(?:"[^"]+"|[^\s;"]+)(?:\s*;\s*[\w-]+=(?:"[^"]+"|[^\s;"]+))*$/i

/** What Payload's multipart parser (busboy) throws for a form that is not one: a plain Error, a 500. */
const MULTIPART_FAULTS = /^(Unexpected end of (form|file)|Malformed (part header|content type)|Multipart: Boundary not found|Request is not eligible for file upload)$/

const WRITES = new Set(['POST', 'PATCH', 'PUT'])

/** Query parameters Payload parses as JSON when given as a string. */
const JSON_PARAMS = ['where', 'data'] as const

/**
 * What must hold before any REST handler (Payload's or ours) reads a request: route
 * parameters and query values free of control characters, a `:id` that can name a
 * document (else 404, as `routeId` answers), `where` / `data` given as JSON that parses,
 * no version routes on collections without versions, no email verification where
 * nothing is verified (./unverifiedAuth.ts), and a multipart body that names its
 * boundary. Payload would otherwise answer 500 to each (`parseFloat("abc")` reaching
 * SQL, `JSON.parse` throwing, busboy refusing the form).
 */
const checkRequest = (req: PayloadRequest, collection: SanitizedCollectionConfig | null, endpoint: Endpoint) => {
  const params = (req.routeParams ?? {}) as Record<string, unknown>
  const paramProblem = findControlCharacter(params)
  if (paramProblem) throw invalidInput([paramProblem])
  if (collection && endpoint.path.startsWith('/versions') && !collection.versions) throw new NotFound(req.t)
  if (isVerifyRoute(endpoint) && verifiesNothing(collection)) throw new NotFound(req.t)
  if (collection && 'id' in params && typeof params.id === 'string' && !(ID.test(params.id) && Number(params.id) > 0 && Number(params.id) <= MAX_RECORD_ID)) {
    throw new NotFound(req.t)
  }
  const contentType = req.headers.get('content-type')
  if (WRITES.has(req.method ?? '') && isMultipart(contentType) && !MULTIPART_WITH_BOUNDARY.test(contentType!.trim())) {
    throw invalidInput([{ path: 'content-type', message: 'A multipart body needs its boundary: multipart/form-data; boundary=…' }])
  }
  const query = (req.query ?? {}) as Record<string, unknown>
  const queryProblem = findControlCharacter(query)
  if (queryProblem) throw invalidInput([queryProblem])
  for (const name of JSON_PARAMS) {
    const value = query[name]
    if (typeof value !== 'string' || value.length === 0) continue
    try {
      JSON.parse(value)
    } catch {
      throw invalidInput([{ path: name, message: `Must be an object such as ${name}[status][equals]=paid, or valid JSON.` }])
    }
  }
}

/**
 * A multipart body that ends early, has a broken part header or another boundary than
 * announced: Payload's parser throws busboy's plain Error (a 500). It is the request's
 * fault: a 400 naming the body. Payload's own refusals (413 for size limits) keep theirs.
 */
const unreadableForm = (req: PayloadRequest, error: unknown) => {
  if (!isMultipart(req.headers.get('content-type')) || !(error instanceof Error)) return null
  if (error instanceof APIError && error.status !== 500) return null
  if (!MULTIPART_FAULTS.test(error.message)) return null
  return invalidInput([{ path: 'body', message: `The multipart form cannot be read: ${error.message}.` }])
}

const guarded = <E extends Endpoint>(endpoint: E, collection: SanitizedCollectionConfig | null): E => {
  const handler: PayloadHandler = async (req) => {
    checkRequest(req, collection, endpoint)
    try {
      return await endpoint.handler(req)
    } catch (error) {
      throw unreadableForm(req, error) ?? error
    }
  }
  return { ...endpoint, handler }
}

/**
 * Puts `checkRequest` in front of every REST endpoint of the config: each collection's
 * (Payload's defaults, auth and upload routes, ours) and the root ones. Done once the
 * config is sanitised, since Payload adds its default endpoints then. The endpoint
 * objects are shared between collections: each array gets copies, the objects stay as
 * they are.
 */
export const guardEndpoints = (config: SanitizedConfig) => {
  for (const collection of config.collections) {
    const endpoints = collection.endpoints
    if (Array.isArray(endpoints)) endpoints.forEach((endpoint, i) => (endpoints[i] = guarded(endpoint, collection)))
  }
  const root = config.endpoints as Endpoint[] | undefined
  if (Array.isArray(root)) root.forEach((endpoint, i) => (root[i] = guarded(endpoint, null)))
}
