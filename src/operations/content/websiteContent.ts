import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import type { WebsiteContentDefaults } from '@/domain/content/seo'
import type { Tenant } from '@/payload-types'
import { resolvedTenantWithId } from '@/operations/resolveTenant'

/**
 * The website a document belongs to, for its content settings (site name, SEO defaults,
 * preview pattern) and domains. Read through the adapter: the caller is the server
 * composing a URL or a default, not a user reading the website, whose field access would
 * hide the content group from some roles.
 */
export const contentWebsite = async (req: PayloadRequest, tenant: number | { id: number } | null | undefined): Promise<Tenant | null> => {
  const id = idOf(tenant ?? null)
  if (id === null) return null
  return resolvedTenantWithId(req, id) ?? ((await req.payload.db.findOne({ collection: 'tenants', req, where: { id: { equals: id } } })) as Tenant | null)
}

/** The website's SEO defaults, its brand name standing in for an unset site name. */
export const contentDefaults = (website: Tenant | null): WebsiteContentDefaults => ({
  siteName: website?.content?.siteName || website?.branding?.brandName || website?.name || null,
  defaultMetaDescription: website?.content?.defaultMetaDescription ?? null,
})
