/**
 * The part of an OpenAPI 3.1 document the campaign reads: every operation with its path
 * and query parameters and its request body's schema, `$ref`s resolved against the
 * document's components. JSON Schema 2020-12 as `z.toJSONSchema` writes it.
 */

export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  format?: string
  pattern?: string
  default?: unknown
  [key: string]: unknown
}

type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: JsonSchema; style?: string; $ref?: string }
type MediaType = { schema?: JsonSchema }
type Operation = {
  operationId?: string
  tags?: string[]
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, MediaType>; required?: boolean; $ref?: string }
  security?: Record<string, string[]>[]
}

export type OpenApiDocument = {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, Parameter>; requestBodies?: Record<string, Operation['requestBody']> }
}

/** One operation as the campaign drives it. */
export type Route = {
  /** `POST /api/orders/{id}/actions/{action}`: the route's name in the figures. */
  key: string
  method: string
  /** The path template with `{name}` parameters, from `/api`. */
  path: string
  operationId: string
  pathParams: { name: string; schema: JsonSchema }[]
  queryParams: { name: string; schema: JsonSchema; required: boolean }[]
  /** The JSON body's schema, or the multipart form's, or neither. */
  body: { kind: 'json'; schema: JsonSchema; required: boolean } | { kind: 'multipart'; schema: JsonSchema } | null
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete']

const pointer = (doc: OpenApiDocument, ref: string): unknown => {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are read: ${ref}`)
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc)
}

/** Follows `$ref` at the top of a node (schemas inside keep theirs: `resolve` again where read). */
export const deref = <T>(doc: OpenApiDocument, node: T): T => {
  let current = node as T & { $ref?: string }
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref cycle at ${current.$ref}`)
    current = pointer(doc, current.$ref) as T & { $ref?: string }
  }
  return current
}

const jsonMedia = (content: Record<string, MediaType>) => Object.entries(content).find(([type]) => type === 'application/json' || type.endsWith('+json'))?.[1]

/** Every operation of the document, in the document's order. */
export const routesOf = (doc: OpenApiDocument): Route[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => {
    const shared = ((item as { parameters?: Parameter[] }).parameters ?? []).map((p) => deref(doc, p))
    return METHODS.filter((method) => item[method]).map((method): Route => {
      const operation = item[method] as Operation
      const parameters = [...shared, ...(operation.parameters ?? []).map((p) => deref(doc, p))]
      const byName = new Map(parameters.map((p) => [`${p.in}:${p.name}`, p]))
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
      const requestBody = operation.requestBody ? deref(doc, operation.requestBody) : undefined
      const content = requestBody?.content ?? {}
      const json = jsonMedia(content)
      const multipart = content['multipart/form-data']
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        pathParams: names.map((name) => ({ name, schema: byName.get(`path:${name}`)?.schema ?? { type: 'string' } })),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true })),
        body: json ? { kind: 'json', schema: json.schema ?? {}, required: requestBody?.required === true } : multipart ? { kind: 'multipart', schema: multipart.schema ?? {} } : null,
      }
    })
  })
