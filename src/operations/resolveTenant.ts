import type { PayloadRequest } from 'payload'

import type { Tenant } from '@/payload-types'
import { hostCandidates } from '@/domain/tenancy/hostname'

export type TenantResolution =
  | { tenant: Tenant; via: 'host' | 'header' }
  | { tenant: null; host: string | null; slug: string | null }

const CONTEXT_KEY = 'scriptoriumTenant'

/**
 * The website a request is for: its Host header matched against tenants' domains
 * (most specific first, then the parent domain), else the `X-Tenant: <slug>` header.
 * Inactive websites never match. Cached on `req.context` for the rest of the request.
 */
export const resolveTenant = async (req: PayloadRequest): Promise<TenantResolution> => {
  const cached = req.context[CONTEXT_KEY] as TenantResolution | undefined
  if (cached) return cached

  const host = req.headers.get('host')
  const slug = req.headers.get('x-tenant')?.trim().toLowerCase() || null
  const candidates = hostCandidates(host)

  let resolution: TenantResolution = { tenant: null, host, slug }
  if (candidates.length > 0) {
    const { docs } = await req.payload.find({
      collection: 'tenants',
      where: { and: [{ 'domains.domain': { in: candidates } }, { active: { equals: true } }] },
      depth: 0,
      limit: candidates.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    // The request's own host beats its parent domain.
    const match = candidates
      .map((candidate) => docs.find((doc) => doc.domains?.some((d) => d.domain === candidate)))
      .find(Boolean)
    if (match) resolution = { tenant: match, via: 'host' }
  }
  if (!resolution.tenant && slug) {
    const { docs } = await req.payload.find({
      collection: 'tenants',
      where: { and: [{ slug: { equals: slug } }, { active: { equals: true } }] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (docs[0]) resolution = { tenant: docs[0], via: 'header' }
  }
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
