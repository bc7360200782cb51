import type { PayloadRequest } from 'payload'

import type { OrganizationFacts } from '@/domain/content/jsonLd'
import { primaryOrigin } from '@/domain/content/paths'
import type { PriceView } from '@/domain/content/render/body'
import { fromPricesPerPage } from '@/domain/content/render/fromPrices'
import { formatMoney } from '@/domain/moneyFormat'
import { ClientError } from '@/errors'
import type { Tenant } from '@/payload-types'
import { loadPricingConfig } from '@/operations/loadPricingConfig'
import { contentDefaults } from '@/operations/content/websiteContent'
import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'

/**
 * The website a public content request is for, read as an anonymous visitor: public
 * answers are the same for everyone (one ETag, shareable by caches), so a signed-in
 * editor's rights must not let their drafts into them. Every Local API read of this
 * request runs with no user and `overrideAccess: false`. 404 when no website matches.
 */
export const publicWebsite = async (req: PayloadRequest, endpoint: string): Promise<Tenant> => {
  req.user = null
  const resolution = await publicRequest(req, endpoint)
  if (!resolution.tenant) throw new ClientError(describeUnresolved(resolution), 404)
  return resolution.tenant
}

/** The website as publisher (posts) and provider (services) in JSON-LD. */
export const organizationOf = (website: Tenant, logoUrl: string | null): OrganizationFacts => {
  const origin = primaryOrigin(website)
  return {
    name: website.content?.organizationName?.trim() || contentDefaults(website).siteName || website.name,
    url: origin,
    logo: absoluteUrl(origin, logoUrl),
  }
}

/** A media address (Payload gives a path) on the website's primary domain, for JSON-LD. */
export const absoluteUrl = (origin: string | null, url: string | null | undefined): string | null => {
  if (!url) return null
  if (/^https?:\/\//i.test(url)) return url
  return origin ? new URL(url, origin).toString() : null
}

/**
 * The website's live "from" prices, read once per request when a body has a pricing
 * table: a function from a table's paper types to its rows, formatted in the website's
 * currency. No price list yet gives empty tables rather than an error: the page is still
 * worth serving.
 */
export const livePrices = async (req: PayloadRequest, website: Tenant): Promise<(paperTypes: readonly string[]) => PriceView[]> => {
  const loaded = await loadPricingConfig(req, website)
  if (!loaded) return () => []
  const { config } = loaded
  return (paperTypes) =>
    fromPricesPerPage(config, paperTypes).map((p) => ({ ...p, currency: config.currency, formatted: formatMoney(p.from, config.currency) }))
}
