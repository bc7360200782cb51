import { afterAll, beforeAll, expect, it } from 'vitest'

import { campaignSettings } from '../hostile/options'
import { campaign, findingLines, startCampaignServer } from '../hostile/session'

/**
 * The hostile-input campaign's short form (the long one: `npm run test:hostile`): a few
 * generated requests per operation of the OpenAPI document and GraphQL, from anonymous,
 * a client, a writer and another website's admin, through the web process's HTTP stack.
 * No 5xx, every refusal in the error shape and naming the field, and nothing written by
 * a refused request. The seed is printed; HOSTILE_SEED replays it.
 */

let server: Awaited<ReturnType<typeof startCampaignServer>>
beforeAll(async () => {
  server = await startCampaignServer()
})
afterAll(async () => server?.close())

it('no generated request gets a 5xx, a refusal out of shape, or a refusal that wrote', async () => {
  const settings = campaignSettings(1)
  const figures = await campaign(server.t.payload, server.base, { ...settings, graphqlRuns: settings.graphqlRuns ?? 150, log: () => {} })
  expect(findingLines(figures), `HOSTILE_SEED=${figures.seed} replays this run`).toEqual([])
}, 600_000)
