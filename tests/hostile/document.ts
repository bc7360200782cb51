import type { Payload } from 'payload'

import { buildOpenApiDocument } from '../../src/api/openapi/document'

import type { OpenApiDocument } from './openapi'

/** The document the campaign walks: the API's own, as served at /api/openapi.json. */
export const campaignDocument = (payload: Payload): OpenApiDocument => buildOpenApiDocument(payload.config) as unknown as OpenApiDocument
