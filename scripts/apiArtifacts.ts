import openapiTS, { astToString } from 'openapi-typescript'
import type { SanitizedConfig } from 'payload'

import { buildOpenApiDocument } from '../src/api/openapi/document'

/** Where `npm run generate:api` writes, relative to the project root. */
export const API_ARTIFACTS = { document: 'docs/openapi.json', types: 'src/api/openapi/client.d.ts' } as const

const HEADER = `/**
 * Types of the Scriptorium REST API, generated from its OpenAPI document by
 * \`npm run generate:api\` (openapi-typescript). Do not edit: a test fails when they are stale.
 * Use them with openapi-fetch: \`createClient<paths>({ baseUrl })\` (see docs/api.md).
 */
`

/** The committed OpenAPI document and the client types generated from it, as file contents. */
export const renderApiArtifacts = async (config: SanitizedConfig): Promise<{ document: string; types: string }> => {
  const document = buildOpenApiDocument(config)
  const ast = await openapiTS(structuredClone(document) as never, { alphabetize: false, exportType: false, emptyObjectsUnknown: true })
  return { document: `${JSON.stringify(document, null, 2)}\n`, types: HEADER + astToString(ast) }
}
