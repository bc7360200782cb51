import type { PayloadRequest } from 'payload'

import { answerGeneration, answerOf, cachedAnswer, type FreshAnswer } from '@/content/http/answerCache'
import type { Tenant } from '@/payload-types'

import { publicWebsite } from './site'

/**
 * A public content GET through the answer cache (src/content/http/answerCache.ts): a hit
 * answers at once, without resolving the website or reading anything; a miss resolves the
 * website as an anonymous visitor (`publicWebsite`, 404 when unknown), builds the answer
 * and keeps it. `variant` is `requestVariant(req, schema)`: null answers without the cache.
 */
export const servePublicContent = async (req: PayloadRequest, endpoint: string, variant: string | null, build: (website: Tenant) => Promise<FreshAnswer>): Promise<Response> => {
  const hit = cachedAnswer(req, variant)
  if (hit) return hit
  const started = answerGeneration()
  const website = await publicWebsite(req, endpoint)
  return answerOf(req, website.id, variant, await build(website), started)
}
