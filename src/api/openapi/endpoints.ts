import { type Endpoint, NotFound } from 'payload'
import { z } from 'zod'

import { documented } from './describe'
import { buildOpenApiDocument } from './document'
import { ASSET_NAMES, referenceAsset, referencePage } from './referencePage'

/** `GET /api/openapi.json`: this document, for tools and generated clients. */
export const openApiEndpoint: Endpoint = documented(
  {
    path: '/openapi.json',
    method: 'get',
    handler: (req) => Response.json(buildOpenApiDocument(req.payload.config), { headers: { 'Cache-Control': 'public, max-age=300' } }),
  },
  {
    summary: 'This API document (OpenAPI 3.1)',
    description: 'Generate a typed client from it (`openapi-typescript`), or read it at `/api/docs`.',
    tags: ['api'],
    auth: 'none',
    responses: { 200: z.object({ openapi: z.string(), info: z.object({}).catchall(z.unknown()), paths: z.record(z.string(), z.unknown()) }).catchall(z.unknown()) },
  },
)

/** `GET /api/docs`: the reference page. */
export const referencePageEndpoint: Endpoint = documented(
  { path: '/docs', method: 'get', handler: (req) => referencePage(`${req.payload.config.routes.api}/docs`) },
  {
    summary: 'The API reference page',
    description: 'Swagger UI over this document, served from this server. Log in with "Authorize" (a token from `POST /api/users/login`) to try routes.',
    tags: ['api'],
    auth: 'none',
    responses: { 200: { contentType: 'text/html', description: 'The page.' } },
  },
)

/** `GET /api/docs/<asset>`: the page's scripts and styles. */
export const referenceAssetEndpoint: Endpoint = documented(
  {
    path: '/docs/:asset',
    method: 'get',
    handler: (req) => {
      const answer = referenceAsset(String(req.routeParams?.asset), `${req.payload.config.routes.api}/openapi.json`)
      if (!answer) throw new NotFound(req.t)
      return answer
    },
  },
  {
    summary: 'A file of the reference page',
    tags: ['api'],
    auth: 'none',
    params: z.object({ asset: z.enum(ASSET_NAMES as [string, ...string[]]) }),
    responses: { 200: { contentType: 'application/octet-stream', description: 'A script, style sheet or image (its own media type).' } },
    errors: [404],
  },
)

export const apiDocumentEndpoints = [openApiEndpoint, referencePageEndpoint, referenceAssetEndpoint]
