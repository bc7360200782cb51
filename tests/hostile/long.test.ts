import { afterAll, beforeAll, expect, it } from 'vitest'

import { campaignSettings } from './options'
import { campaign, findingLines, startCampaignServer } from './session'

/**
 * The hostile-input campaign's long form (`npm run test:hostile -- --runs N --seed S
 * --only <route regex>`): many requests per route, every answer timed, the slowest
 * printed, every finding logged as it happens.
 */

let server: Awaited<ReturnType<typeof startCampaignServer>>
beforeAll(async () => {
  server = await startCampaignServer()
})
afterAll(async () => server?.close())

it('no generated request gets a 5xx, a refusal out of shape, or a refusal that wrote', async () => {
  const settings = campaignSettings(20)
  const figures = await campaign(server.t.payload, server.base, { ...settings, graphqlRuns: settings.graphqlRuns ?? settings.runs * 100, timeAll: true })
  expect(findingLines(figures), `HOSTILE_SEED=${figures.seed} replays this run`).toEqual([])
}, 24 * 3600_000)
