import type { Payload } from 'payload'

import { contentRoutes } from '../../src/server/contentRoutes'
import { startApiServer } from '../helpers/payloadApiRoute'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

import { campaignDocument } from './document'
import { type CampaignOptions, type Figures, formatFigures, runCampaign } from './campaign'

/**
 * A campaign against the web process's HTTP stack as production builds it (the edge:
 * headers, CORS, the Origin rule, body types; the website's feeds; then Payload's own handlers), on a fresh
 * copy of the seeded database. The server trusts loopback as a proxy so each request can
 * come from its own address.
 */
export const startCampaignServer = async (): Promise<{ t: TestContext; base: string; close: () => Promise<void> }> => {
  process.env.TRUST_PROXY = 'loopback'
  const t = await startTestPayload()
  const server = await startApiServer(t.payload, { routers: [contentRoutes(t.payload)] })
  return {
    t,
    base: server.base,
    close: async () => {
      server.close()
      await t.close()
    },
  }
}

export const campaign = async (payload: Payload, base: string, options: CampaignOptions): Promise<Figures> => {
  const figures = await runCampaign(payload, { base }, campaignDocument(payload), options)
  process.stdout.write(`${formatFigures(figures)}\n`)
  return figures
}

/** Findings as one line each, for an assertion's diff. */
export const findingLines = (figures: Figures) => figures.findings.map((f) => `${f.route} as ${f.actor} (${f.note}): ${f.problems.join(' / ')} — ${f.request}`)
