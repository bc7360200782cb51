import { readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, it } from 'vitest'

import { API_ARTIFACTS, renderApiArtifacts } from '../../scripts/apiArtifacts'

const root = path.resolve(import.meta.dirname, '../..')

/** The committed document and client types are what the running config generates. */
it('docs/openapi.json and the typed client’s types are up to date (else: npm run generate:api)', async () => {
  const { default: config } = await import('../../payload.config')
  const fresh = await renderApiArtifacts(await config)
  for (const which of ['document', 'types'] as const) {
    const committed = readFileSync(path.join(root, API_ARTIFACTS[which]), 'utf8')
    expect(committed === fresh[which], `${API_ARTIFACTS[which]} is stale: run npm run generate:api and commit it`).toBe(true)
  }
})
