import { errorRef, type ErrorStatus, securityOf } from './components'
import type { JsonSchema } from './jsonSchema'
import { pathParameterNames } from './paths'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** A path parameter `id` everywhere in this API: PostgreSQL `serial`. */
export const ID_SCHEMA = { type: 'integer', minimum: 1, maximum: 2_147_483_647 }

/** One operation before the shared parts are filled in. */
export type OperationSpec = {
  summary: string
  description?: string
  tags: string[]
  auth: 'none' | 'optional' | 'required'
  /** Schemas of path parameters by name (default: `id` an id, others a string). */
  pathParams?: Record<string, JsonSchema>
  /** Query and header parameters, as OpenAPI parameter objects. */
  parameters?: JsonSchema[]
  requestBody?: JsonSchema
  /** Success answers by status: OpenAPI response objects. */
  responses: Record<string, JsonSchema>
  errors?: ErrorStatus[]
  idempotent?: boolean
  /** Whether the route is under `/api` (then it takes `X-Tenant`). */
  api?: boolean
}

const WRITES = new Set<HttpMethod>(['post', 'put', 'patch', 'delete'])

/**
 * Errors every route of its kind may answer, whatever its own list says: a malformed
 * query or parameter (400, checked in front of every handler), an unavailable database
 * (503 from the HTTP server), an id that names nothing (404); writes may be too large
 * (413), of the wrong media type (415) or a cookie write from a refused origin (403);
 * a route that needs a login answers 401 without one and 403 to the wrong role.
 */
const commonErrors = (method: HttpMethod, path: string, spec: OperationSpec): ErrorStatus[] => {
  const errors: ErrorStatus[] = [400, 503]
  if (pathParameterNames(path).length > 0) errors.push(404)
  if (WRITES.has(method)) errors.push(403, 413, 415)
  if (spec.auth === 'required') errors.push(401, 403)
  return errors
}

const pathParameter = (name: string, schema: JsonSchema | undefined) => ({
  name,
  in: 'path',
  required: true,
  schema: schema ?? (name === 'id' ? ID_SCHEMA : { type: 'string' }),
})

/** The OpenAPI operation object of `spec` at `method path`. */
export const operationObject = (method: HttpMethod, path: string, operationId: string, spec: OperationSpec): JsonSchema => {
  const errors = [...new Set([...(spec.errors ?? []), ...commonErrors(method, path, spec)])].sort((a, b) => a - b)
  const parameters = [
    ...pathParameterNames(path).map((name) => pathParameter(name, spec.pathParams?.[name])),
    ...(spec.parameters ?? []),
    ...(spec.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ...(spec.api === false ? [] : [{ $ref: '#/components/parameters/XTenant' }]),
  ]
  return {
    operationId,
    tags: spec.tags,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    security: securityOf(spec.auth),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
    responses: { ...spec.responses, ...Object.fromEntries(errors.map((status) => [String(status), errorRef(status)])) },
  }
}

/** `getOrdersByIdActions`: readable, derived from the route, unique within the document. */
export const operationIdOf = (method: HttpMethod, path: string, taken: Set<string>): string => {
  const words = path
    .replace(/^\/api/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `by-${segment.slice(1, -1)}` : segment))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
  const base = [method, ...words].map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('')
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`
  taken.add(id)
  return id
}
