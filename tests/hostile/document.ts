import type { Payload } from 'payload'

import { fallbackDocument } from './fallbackDocument'
import type { OpenApiDocument } from './openapi'

/**
 * The document the campaign walks: the API's own (`buildOpenApiDocument`, served at
 * /api/openapi.json), or the small hand-written one while the generator is not there.
 */
export const campaignDocument = async (payload: Payload): Promise<{ document: OpenApiDocument; source: string }> => {
  const generator = '../../src/api/openapi/document'
  try {
    const mod = (await import(/* @vite-ignore */ generator)) as { buildOpenApiDocument: (config: Payload['config']) => OpenApiDocument }
    return { document: mod.buildOpenApiDocument(payload.config), source: 'buildOpenApiDocument' }
  } catch (error) {
    if (!/Cannot find module|Failed to load|does not exist/i.test(String((error as Error).message))) throw error
    return { document: fallbackDocument, source: 'the hand-written fallback document (src/api/openapi/document.ts not found)' }
  }
}
