import { type Endpoint, NotFound, type PayloadHandler, type PayloadRequest, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { MAX_RECORD_ID } from '@/domain/recordId'
import { invalidInput } from '@/errors'

const ID = /^\d{1,10}$/

/** Query parameters Payload parses as JSON when given as a string. */
const JSON_PARAMS = ['where', 'data'] as const

/**
 * What must hold before any REST handler (Payload's or ours) reads a request: route
 * parameters and query values free of control characters, a `:id` that can name a
 * document (else 404, as `routeId` answers), `where` / `data` given as JSON that parses,
 * and no version routes on collections without versions. Payload would otherwise
 * answer 500 to each (`parseFloat("abc")` reaching SQL, `JSON.parse` throwing).
 */
const checkRequest = (req: PayloadRequest, collection: SanitizedCollectionConfig | null, endpoint: Endpoint) => {
  const params = (req.routeParams ?? {}) as Record<string, unknown>
  const paramProblem = findControlCharacter(params)
  if (paramProblem) throw invalidInput([paramProblem])
  if (collection && endpoint.path.startsWith('/versions') && !collection.versions) throw new NotFound(req.t)
  if (collection && 'id' in params && typeof params.id === 'string' && !(ID.test(params.id) && Number(params.id) > 0 && Number(params.id) <= MAX_RECORD_ID)) {
    throw new NotFound(req.t)
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

const guarded = <E extends Endpoint>(endpoint: E, collection: SanitizedCollectionConfig | null): E => {
  const handler: PayloadHandler = async (req) => {
    checkRequest(req, collection, endpoint)
    return endpoint.handler(req)
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
