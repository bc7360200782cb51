import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import SwaggerParser from '@apidevtools/swagger-parser'
import { Queue } from 'bullmq'
import type { Express } from 'express'
import type { Endpoint } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOpenApiDocument } from '../../src/api/openapi/document'
import { openApiPaths } from '../../src/api/openapi/paths'
import { FEED_PATHS } from '../../src/content/feeds/feedDocuments'
import { startEventBus } from '../../src/events/start'
import { createApp } from '../../src/server/app'
import { contentRoutes } from '../../src/server/contentRoutes'
import { eventStreams } from '../../src/server/events'
import { payloadApi } from '../../src/server/payloadApi'
import { queueDashboard } from '../../src/server/queueDashboard'
import { websiteOriginCache } from '../../src/server/websiteOrigins'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let document: Record<string, any>

beforeAll(async () => {
  t = await startTestPayload()
  document = buildOpenApiDocument(t.payload.config)
})

afterAll(async () => {
  await t?.close()
})

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** `METHOD /path` of every REST endpoint the running config registers (Payload's own, plugins', ours). */
const configRoutes = (): string[] => {
  const { config } = t.payload
  const api = config.routes.api
  const routes: string[] = []
  const walk = (endpoints: Endpoint[] | false | undefined, base: string) => {
    for (const endpoint of Array.isArray(endpoints) ? endpoints : []) {
      if (!METHODS.includes(endpoint.method)) continue
      for (const p of openApiPaths(base, endpoint.path)) routes.push(`${endpoint.method.toUpperCase()} ${p}`)
    }
  }
  walk(config.endpoints as Endpoint[], api)
  for (const collection of config.collections) walk(collection.endpoints, `${api}/${collection.slug}`)
  for (const global of config.globals) walk(global.endpoints, `${api}/globals/${global.slug}`)
  return [...new Set(routes)]
}

type Layer = { rawPath?: unknown; route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } }

/**
 * `METHOD /path` of every route the Express app serves itself. A router mounted at a
 * path (the queue dashboard) is one `GET` route at that path; Next's catch-all is not
 * a route of its own.
 */
const expressRoutes = (app: Express): string[] => {
  const routes: string[] = []
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const at = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''
      if (layer.route) {
        if (layer.route.path.includes('*')) continue
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && METHODS.includes(method)) routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`)
      } else if (at) {
        routes.push(`GET ${prefix}${at}`)
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix)
      }
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '')
  return [...new Set(routes)].map((route) => route.replace(/:([A-Za-z0-9_]+)/g, '{$1}'))
}

/** Routes of Next's own route files besides Payload's REST catch-all (GraphQL, its playground). */
const nextRouteFileRoutes = (): string[] => {
  const root = path.resolve(import.meta.dirname, '../../src/app/(payload)/api')
  return readdirSync(root)
    .filter((dir) => !dir.startsWith('['))
    .flatMap((dir) => {
      const source = readFileSync(path.join(root, dir, 'route.ts'), 'utf8')
      return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} /api/${dir}`)
    })
}

const missingFrom = (routes: string[]) => routes.filter((route) => {
  const [method, p] = route.split(' ') as [string, string]
  return !document.paths[p]?.[method.toLowerCase()]
})

describe('the OpenAPI document covers every route', () => {
  it('every REST endpoint of the config (root, collections, globals) is in it with its method', () => {
    const routes = configRoutes()
    expect(routes.length).toBeGreaterThan(300)
    const missing = missingFrom(routes)
    expect(missing, `routes registered in the Payload config but missing from the API document (document them with documented(...)):\n${missing.join('\n')}`).toEqual([])
  })

  it('every route the Express app serves (health, live events, queue dashboard) and every Next route file is in it', async () => {
    const bus = startEventBus(null)
    const queue = new Queue('openapi-coverage', { connection: { host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: null } })
    const origins = websiteOriginCache(t.payload, {})
    try {
      // Composed as src/server/index.ts composes the web process (its Next catch-all aside).
      const app = createApp({
        checks: [],
        edge: { origins, cookieName: `${t.payload.config.cookiePrefix}-token`, production: false, development: false },
        routers: [eventStreams(t.payload, bus).router, queueDashboard(t.payload, queue), contentRoutes(t.payload)],
        api: payloadApi(t.payload.config),
      })
      const routes = [...expressRoutes(app), ...nextRouteFileRoutes()]
      expect(routes).toEqual(expect.arrayContaining(['GET /healthz', 'GET /readyz', 'GET /api/events', 'POST /api/events/test', 'GET /admin/queues', 'POST /api/graphql', 'GET /api/graphql-playground']))
      const missing = missingFrom(routes)
      expect(missing, `routes of the HTTP server missing from the API document (src/api/openapi/serverRoutes.ts):\n${missing.join('\n')}`).toEqual([])
    } finally {
      origins.close()
      await queue.close()
      await bus.close()
    }
  })

  it('documents no route that nothing serves', () => {
    // GET /api/og: Next's REST route adds it to the config when it first runs (the admin's Open Graph images).
    const served = new Set([...configRoutes(), 'GET /healthz', 'GET /readyz', 'GET /api/events', 'POST /api/events/test', 'GET /admin/queues', 'GET /api/og', ...FEED_PATHS.map((path) => `GET ${path}`), ...nextRouteFileRoutes()])
    const extra: string[] = []
    for (const [p, item] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        // One concrete path per workflow action specialises the generic `{action}` route.
        const generic = p.replace(/\/actions\/[^/{]+$/, '/actions/{action}')
        if (!served.has(`${method.toUpperCase()} ${p}`) && !served.has(`${method.toUpperCase()} ${generic}`)) extra.push(`${method.toUpperCase()} ${p}`)
      }
    }
    expect(extra).toEqual([])
  })
})

describe('the OpenAPI document is well formed', () => {
  it('validates as OpenAPI 3.1 (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy()
    expect(document.openapi).toBe('3.1.0')
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  it('gives every operation a unique operationId, tags, and its errors in the one error shape', () => {
    const ids = new Set<string>()
    for (const [p, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${p}`
        expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z0-9]+$/)
        expect(ids.has(operation.operationId), `${name}: operationId ${operation.operationId} twice`).toBe(false)
        ids.add(operation.operationId)
        expect(operation.tags?.length, name).toBeGreaterThan(0)
        const statuses = Object.keys(operation.responses)
        // Only the version routes of a collection without versions never succeed.
        if (!operation.summary.endsWith('none kept')) expect(statuses.some((s) => s.startsWith('2') || s.startsWith('3')), `${name}: no success answer`).toBe(true)
        expect(statuses, `${name}: a 500 is never an answer to document`).not.toContain('500')
        for (const status of statuses.filter((s) => Number(s) >= 400 && !(p === '/readyz' && s === '503'))) {
          expect(operation.responses[status].$ref, `${name} ${status}`).toBe(`#/components/responses/Error${status}`)
        }
      }
    }
    expect(document.components.responses.Error400.content['application/json'].schema.$ref).toBe('#/components/schemas/Error')
    expect(document.components.responses.Error503.headers['Retry-After']).toBeTruthy()
  })

  it('describes collections from their fields: answers tolerate unreadable fields, bodies leave out what the server owns', () => {
    const { orders, orders_create: create, orders_update: update } = document.components.schemas
    expect(orders.required).toEqual(['id'])
    expect(orders.properties.status.enum).toContain('pending_payment')
    for (const owned of ['id', 'status', 'total', 'amountPaid', 'number', 'createdAt', 'updatedAt']) {
      expect(create.properties, owned).not.toHaveProperty(owned)
      expect(update.properties, owned).not.toHaveProperty(owned)
    }
    expect(create.properties).toHaveProperty('topic')
    expect(update.required).toBeUndefined()
    expect(JSON.stringify(document)).not.toContain('#/definitions/')
    expect(document.components.schemas.users.properties).not.toHaveProperty('hash')
    expect(document.components.schemas.users.properties).not.toHaveProperty('password')
    expect(document.components.securitySchemes.cookie.name).toBe(`${t.payload.config.cookiePrefix}-token`)
  })

  it('documents Payload’s list parameters and an id path parameter as an int4', () => {
    const list = document.paths['/api/orders'].get
    const deref = (p: any) => (p.$ref ? document.components.parameters[p.$ref.split('/').pop()] : p)
    const byName = Object.fromEntries(list.parameters.map(deref).map((p: any) => [p.name, p]))
    expect(byName.where).toMatchObject({ in: 'query', style: 'deepObject', explode: true })
    expect(byName.limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 })
    for (const name of ['sort', 'page', 'depth', 'select', 'pagination']) expect(byName, name).toHaveProperty(name)
    const id = document.paths['/api/orders/{id}'].get.parameters.find((p: any) => p.name === 'id')
    expect(id.schema).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 })
    // No collection keeps versions: their version routes are documented as the 404 they answer.
    expect(Object.keys(document.paths['/api/orders/versions'].get.responses)).toEqual(['400', '404', '503'])
  })

  it('generates one path per workflow action from the registry, with its input, label and Idempotency-Key when it moves money', async () => {
    const { WORKFLOWS } = await import('../../src/domain/workflow/all')
    for (const [collection, workflow] of Object.entries(WORKFLOWS)) {
      const generic = document.paths[`/api/${collection}/{id}/actions/{action}`]?.post
      expect(generic, collection).toBeTruthy()
      const names = Object.keys(workflow.actions)
      expect(generic.parameters.find((p: any) => p.name === 'action').schema.enum).toEqual(names)
      for (const [name, rule] of Object.entries(workflow.actions as Record<string, { label: string; money?: boolean }>)) {
        const operation = document.paths[`/api/${collection}/{id}/actions/${name}`]?.post
        expect(operation, `${collection} ${name}`).toBeTruthy()
        expect(operation.summary).toContain(rule.label)
        const idempotent = operation.parameters.some((p: any) => p.$ref === '#/components/parameters/IdempotencyKey')
        expect(idempotent, `${collection} ${name} Idempotency-Key`).toBe(rule.money === true)
        expect(operation.responses['200'].content['application/json'].schema.properties.doc.$ref).toBe(`#/components/schemas/${collection}`)
      }
    }
    const assign = document.paths['/api/orders/{id}/actions/assign'].post
    expect(assign.requestBody.content['application/json'].schema.properties).toHaveProperty('writer')
  })

  it('takes an Idempotency-Key on order placement', () => {
    const place = document.paths['/api/orders'].post
    expect(place.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' })
    expect(place.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/orders_create')
  })
})
