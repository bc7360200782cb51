/**
 * `npm run generate:api`: writes the OpenAPI document (docs/openapi.json) and the typed
 * client's types generated from it, from the same config the server runs.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import config from '../payload.config'

import { API_ARTIFACTS, renderApiArtifacts } from './apiArtifacts'

const root = path.resolve(import.meta.dirname, '..')
const { document, types } = await renderApiArtifacts(await config)
await writeFile(path.join(root, API_ARTIFACTS.document), document)
await writeFile(path.join(root, API_ARTIFACTS.types), types)
process.stdout.write(`wrote ${API_ARTIFACTS.document} (${Math.round(document.length / 1024)} KiB) and ${API_ARTIFACTS.types} (${Math.round(types.length / 1024)} KiB)\n`)
process.exit(0)
