import { afterAll, beforeAll, expect, it } from 'vitest'

import { campaignDocument } from '../hostile/document'
import { formatFigures, runCampaign } from '../hostile/campaign'
import { campaignSettings } from '../hostile/options'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The hostile-input campaign's short form (the long one: `npm run test:hostile`): a few
 * generated requests per route of the OpenAPI document and GraphQL, from anonymous, a
 * client, a writer and another website's admin. No 5xx, every refusal in the error shape
 * and naming the field, and nothing written by a refused request.
 */

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

it('no generated request gets a 5xx, a refusal out of shape, or a refusal that wrote', async () => {
  const settings = campaignSettings(2)
  const { document, source } = await campaignDocument(t.payload)
  const figures = await runCampaign(t.payload, document, { ...settings, graphqlRuns: settings.graphqlRuns ?? 150, log: () => {} })
  console.log(`${formatFigures(figures)}\n  document: ${source}`)
  expect(figures.findings.map((f) => `${f.route} as ${f.actor} (${f.note}): ${f.problems.join(' / ')} — ${f.request}`), `seed ${figures.seed}: HOSTILE_SEED=${figures.seed} replays it`).toEqual([])
}, 600_000)
