import type { Endpoint } from 'payload'
import { z } from 'zod'

/**
 * What the OpenAPI document says about one custom endpoint, written beside it from the
 * zod schemas the handler validates with, so the document cannot drift from the code.
 * The generator (./document.ts) reads it from `endpoint.custom.openapi`; a route
 * without one fails the contract test.
 */
export type RouteDoc = {
  summary: string
  /** Markdown: who may call it, what it refuses and why. */
  description?: string
  /** Defaults to the collection's slug; root endpoints name their own. */
  tags?: string[]
  /** `none`: anyone; `optional`: answers differently per caller; `required`: 401/403 without a user. */
  auth: 'none' | 'optional' | 'required'
  /** Path parameters (`:id`, `:action`…) as one object schema. */
  params?: z.ZodObject
  /** Query string parameters as one object schema (each property one parameter). */
  query?: z.ZodObject
  /** A JSON body (the schema the handler parses with), or a multipart form. */
  body?: z.ZodType | { multipart: z.ZodObject }
  /** Takes an `Idempotency-Key` header (money POSTs, order placement). */
  idempotent?: boolean
  /** A public GET with ETag, Cache-Control and Vary that answers `If-None-Match` with 304 (src/api/openapi/cacheable.ts). */
  cacheable?: boolean
  /**
   * Successful answers by status: a zod schema of the JSON body, or another media type
   * (PDF, CSV, HTML, event stream) described in words.
   */
  responses: Partial<Record<200 | 201 | 204 | 301 | 302 | 303, z.ZodType | { contentType: string; description: string }>>
  /** Error statuses this route answers (in the error shape); 400 and 500-free by default. */
  errors?: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503)[]
}

/** The document's name for the key under `custom`. */
export const OPENAPI_KEY = 'openapi'

/** `endpoint` with its documentation attached (Payload keeps `custom` and ignores it). */
export const documented = <E extends Endpoint>(endpoint: E, doc: RouteDoc): E => ({ ...endpoint, custom: { ...endpoint.custom, [OPENAPI_KEY]: doc } })

export const routeDocOf = (endpoint: Endpoint): RouteDoc | undefined => endpoint.custom?.[OPENAPI_KEY] as RouteDoc | undefined

/** Shared pieces of responses, so every route spells them the same way. */
export const schemas = {
  /** A document id in a path or a relationship. */
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  /** An amount in minor units of `currency`. */
  minor: z.number().int(),
  currency: z.string().length(3),
  /** Any collection document as the caller may read it (its fields depend on their role). */
  doc: z.object({ id: z.number().int() }).catchall(z.unknown()),
  isoDate: z.string(),
}

/**
 * A collection's document by reference: the generator replaces it with
 * `$ref: '#/components/schemas/<slug>'`, the schema generated from the collection's fields.
 */
export const docOf = (slug: string) => z.object({ id: z.number().int() }).catchall(z.unknown()).meta({ collectionRef: slug })
