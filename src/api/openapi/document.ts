import type { Endpoint, SanitizedConfig } from 'payload'

import { collectionSchemas } from './collectionSchemas'
import { components } from './components'
import { customOperation } from './customRoute'
import { routeDocOf } from './describe'
import type { JsonSchema } from './jsonSchema'
import { type HttpMethod, operationIdOf, operationObject, type OperationSpec } from './operation'
import { baseOf, openApiPaths } from './paths'
import { payloadCollectionRoute, payloadGlobalRoute, payloadRootRoute } from './payloadRoutes'
import { SERVER_ROUTES } from './serverRoutes'
import { workflowActionRoutes } from './workflowRoutes'

const DESCRIPTION = `The REST API of Scriptorium, a multi-tenant platform for writing-services websites. Every route of the server is here: Payload's collection routes generated from the collections' fields, and our own routes from the schemas their handlers validate with.

**Which website.** A request is for the website whose domain is its \`Host\` (the most specific match first, then the parent domain); when the \`Host\` is not a website's (a frontend on another host, a tool), the \`X-Tenant: <slug>\` header names it. A matching \`Host\` wins over \`X-Tenant\`; inactive websites never match. Public routes (quote, order options, registration, login, pay links) answer for that website only; staff routes refuse records of websites the caller does not belong to (as 404).

**Authentication.** Log in with \`POST /api/users/login\`: the answer's \`token\` goes in \`Authorization: Bearer <token>\` (or \`JWT <token>\`). The login also sets the \`HttpOnly\` session cookie the admin panel uses; writes authenticated by the cookie are refused from origins that are not allowed.

**Errors.** Every 4xx and 5xx answer is \`{ "errors": [{ "message": "…", "data": { "errors": [{ "path": "field", "message": "…" }] } }] }\`; a 400 names each field at fault in \`data.errors\`.

**Idempotency.** Money POSTs and order placement take an \`Idempotency-Key\` header: a retry with the same key (after a lost answer or a 503) gets the first answer instead of acting twice.

**Lists.** \`limit\` (at most 100), \`page\`, \`sort\`, \`where[field][operator]=value\`, \`depth\` (at most 3), \`select\`.

**GraphQL** at \`POST /api/graphql\` covers the same collections and workflows.`

const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete'])

type Scope = { kind: 'root' } | { kind: 'collection'; config: SanitizedConfig['collections'][number] } | { kind: 'global'; config: SanitizedConfig['globals'][number] }

/** The operation for one registered endpoint at one of its OpenAPI paths: its own documentation, else Payload's, else none. */
const specOf = (scope: Scope, endpoint: Endpoint, relative: string): OperationSpec | undefined => {
  const method = endpoint.method as HttpMethod
  const doc = routeDocOf(endpoint)
  const tag = scope.kind === 'root' ? 'api' : scope.config.slug
  const payloads =
    scope.kind === 'collection' ? payloadCollectionRoute(scope.config, method, relative) : scope.kind === 'global' ? payloadGlobalRoute(scope.config, method, relative) : payloadRootRoute(method, relative)
  if (!doc) return payloads
  const custom = customOperation(doc, tag)
  // A route standing in front of Payload's own (order placement before Payload's create)
  // takes Payload's body when its documentation names none: Payload's handler reads it.
  return payloads && !custom.requestBody ? { ...custom, requestBody: payloads.requestBody, parameters: custom.parameters ?? payloads.parameters } : custom
}

/**
 * The OpenAPI 3.1 document of the whole server, from the sanitised config (Payload's
 * default routes are only there once it is sanitised), computed once per config object.
 */
export const buildOpenApiDocument = (config: SanitizedConfig): JsonSchema => {
  let document = built.get(config)
  if (!document) {
    document = build(config)
    built.set(config, document)
  }
  return document
}

const built = new WeakMap<SanitizedConfig, JsonSchema>()

const build = (config: SanitizedConfig): JsonSchema => {
  const api = config.routes.api
  const paths: Record<string, Record<string, JsonSchema>> = {}
  const taken = new Set<string>()
  const add = (method: HttpMethod, path: string, spec: OperationSpec) => {
    const item = (paths[path] ??= {})
    // Payload answers with the first endpoint that matches: a later one on the same route is never reached.
    if (item[method]) return
    item[method] = operationObject(method, path, operationIdOf(method, path, taken), spec)
  }

  const walk = (scope: Scope, endpoints: Endpoint[] | false | undefined, base: string) => {
    if (!Array.isArray(endpoints)) return
    for (const endpoint of endpoints) {
      if (!METHODS.has(endpoint.method)) continue
      const method = endpoint.method as HttpMethod
      for (const path of openApiPaths(base, endpoint.path)) {
        const relative = path.slice(base.length) || '/'
        const spec = specOf(scope, endpoint, relative)
        if (!spec) continue
        add(method, path, spec)
        if (scope.kind === 'collection' && method === 'post' && relative === '/{id}/actions/{action}') {
          for (const { action, spec: actionSpec } of workflowActionRoutes(scope.config.slug, spec)) add('post', `${base}/{id}/actions/${action}`, actionSpec)
        }
      }
    }
  }

  walk({ kind: 'root' }, config.endpoints as Endpoint[] | false, api)
  for (const collection of config.collections) walk({ kind: 'collection', config: collection }, collection.endpoints, baseOf(api, { collection: collection.slug }))
  for (const global of config.globals) walk({ kind: 'global', config: global }, global.endpoints, baseOf(api, { global: global.slug }))
  for (const route of SERVER_ROUTES) add(route.method, route.path.replace(/^\/api(?=\/|$)/, api), route.spec)

  const shared = components(config)
  const document = {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Scriptorium API', version: '1', description: DESCRIPTION },
    servers: [{ url: '/', description: 'The website’s own domain, or the API’s host with `X-Tenant`.' }],
    security: [{ bearer: [] }, { jwt: [] }, { cookie: [] }],
    tags: tagsOf(paths),
    paths: sortedPaths(paths),
    components: { ...shared, schemas: { ...collectionSchemas(config).schemas, ...shared.schemas } },
  }
  // Plain JSON: no `undefined`, no shared objects between operations.
  return JSON.parse(JSON.stringify(document)) as JsonSchema
}

const sortedPaths = (paths: Record<string, Record<string, JsonSchema>>) => Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)))

const tagsOf = (paths: Record<string, Record<string, JsonSchema>>) => {
  const names = new Set<string>()
  for (const item of Object.values(paths)) for (const operation of Object.values(item)) for (const tag of (operation.tags as string[]) ?? []) names.add(tag)
  return [...names].sort().map((name) => ({ name }))
}
