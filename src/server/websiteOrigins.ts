import type { Payload } from 'payload'

import { asSystem, systemProof } from '@/access/system'
import { env } from '@/env'
import { createOriginCache, type OriginCache } from '@/security/originCache'
import { parseOriginList, websiteOrigins } from '@/security/origins'

import { withTimeout } from './withTimeout'

const proof = systemProof('the allowed origins: every active website’s domains, for CORS and the Origin rule')

/** The active websites' browser origins, read as the server (no user asks). */
const loadWebsiteOrigins = (payload: Payload) => async (): Promise<string[]> => {
  const { docs } = await withTimeout(
    2000,
    'the websites did not answer in time',
    payload.find({
      collection: 'tenants',
      where: { active: { equals: true } },
      select: { domains: true },
      depth: 0,
      pagination: false,
      limit: 0,
      ...asSystem(proof),
    }),
  )
  return websiteOrigins(docs.flatMap((doc) => (doc.domains ?? []).map((entry) => entry.domain)))
}

/**
 * This process's allowed origins: the websites' from the database (refreshed on the
 * event bus's website signal and after a TTL), `CORS_ORIGINS`, and `*.localhost` in
 * development. Create it after the event bus has started, so that it hears the signal.
 */
export const websiteOriginCache = (payload: Payload, options: { ttlMs?: number; development?: boolean } = {}): OriginCache => {
  const settings = env()
  return createOriginCache({
    loadWebsiteOrigins: loadWebsiteOrigins(payload),
    fixed: parseOriginList(settings.CORS_ORIGINS),
    development: options.development ?? settings.NODE_ENV === 'development',
    ttlMs: options.ttlMs,
  })
}
