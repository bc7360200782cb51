import type { PayloadRequest, Where } from 'payload'

import type { Tenant } from '@/payload-types'
import { hostCandidates } from '@/domain/tenancy/hostname'

import { cachedResolution, rememberResolution, websiteCacheGeneration } from './websiteCache'

export type TenantResolution =
  | { tenant: Tenant; via: 'host' | 'header' }
  | { tenant: null; host: string | null; slug: string | null }

const CONTEXT_KEY = 'scriptoriumTenant'

/**
 * Websites by a where, through the database adapter rather than the Local API: this runs
 * on every website-facing request (quotes, order options, placement, login, registration),
 * and Payload's read path (access, hooks, a field-by-field pass over a large document)
 * cost more than the query for an identical result at depth 0 (no access applies, and
 * the collection has no read hooks and no hidden fields). Give `tenants` read hooks or
 * hidden fields and this must go back to `payload.find`.
 */
const findTenants = async (req: PayloadRequest, where: Where, limit: number) =>
  (await req.payload.db.find({ collection: 'tenants', where, limit, pagination: false, req })) as { docs: Tenant[] }

/**
 * The website a request is for: its Host header matched against tenants' domains
 * (most specific first, then the parent domain), else the `X-Tenant: <slug>` header.
 * Inactive websites never match. Kept in the process (./websiteCache.ts, dropped on every
 * website change) and on `req.context` for the rest of the request.
 */
export const resolveTenant = async (req: PayloadRequest): Promise<TenantResolution> => {
  const cached = req.context[CONTEXT_KEY] as TenantResolution | undefined
  if (cached) return cached

  const host = req.headers.get('host')
  const slug = req.headers.get('x-tenant')?.trim().toLowerCase() || null
  const candidates = hostCandidates(host)

  let resolution: TenantResolution = { tenant: null, host, slug }
  const hit = cachedResolution(candidates, slug)
  if (hit) {
    if (hit.website && hit.via) resolution = { tenant: hit.website, via: hit.via }
    req.context[CONTEXT_KEY] = resolution
    return resolution
  }
  const startedAt = websiteCacheGeneration()
  if (candidates.length > 0) {
    const { docs } = await findTenants(req, { and: [{ 'domains.domain': { in: candidates } }, { active: { equals: true } }] }, candidates.length)
    // The request's own host beats its parent domain.
    const match = candidates
      .map((candidate) => docs.find((doc) => doc.domains?.some((d) => d.domain === candidate)))
      .find(Boolean)
    if (match) resolution = { tenant: match, via: 'host' }
  }
  if (!resolution.tenant && slug) {
    const { docs } = await findTenants(req, { and: [{ slug: { equals: slug } }, { active: { equals: true } }] }, 1)
    if (docs[0]) resolution = { tenant: docs[0], via: 'header' }
  }
  rememberResolution(candidates, slug, resolution.tenant ? { website: resolution.tenant, via: resolution.via } : { website: null, via: null }, startedAt)
  req.context[CONTEXT_KEY] = resolution
  return resolution
}

/**
 * The request's website when `resolveTenant` already found it and it is `id`, without
 * querying; null otherwise. Lets a later step of the same request reuse the row.
 */
export const resolvedTenantWithId = (req: Pick<PayloadRequest, 'context'>, id: number): Tenant | null => {
  const cached = req.context[CONTEXT_KEY] as TenantResolution | undefined
  return cached?.tenant?.id === id ? cached.tenant : null
}

/** A sentence naming what did not match, for 404s and login refusals. */
export const describeUnresolved = (r: Extract<TenantResolution, { tenant: null }>): string => {
  if (r.slug) return `No active website has the slug "${r.slug}" (X-Tenant header).`
  if (r.host) return `No active website is registered for the host "${r.host}".`
  return 'No website was named: send a Host registered to a website or an X-Tenant header.'
}
