import { announcedCache } from '@/cache/announcedCache'
import { env } from '@/env'
import type { PricingOption, Tenant } from '@/payload-types'

/**
 * Websites as website-facing requests find them, and their price-list rows, kept in each
 * process: every quote, placement, login, registration and order-options request first
 * resolves its website from `Host`/`X-Tenant` (two statements) and quotes and
 * placements then read its ~100 price options (one more), although websites change a
 * few times a day.
 *
 * Correct at once rather than within the TTL: a website's save or deletion drops every
 * entry in every process (`forgetWebsites`; its domains decide which website a host is,
 * and its settings — active, rate limits, feature switches — are what the requests act
 * on); a price option's save drops its website's rows (`forgetWebsitePrices`). The
 * order counters that `allocateOrderNumber` bumps in SQL are read there, never from
 * here. The mechanics (bus family `websites.read`, the drop repeated after the commit,
 * generation guard, reconnect, limits) are `announcedCache`'s; entries are copied on
 * the way in and out, as callers may change what they get.
 */
export const WEBSITE_CACHE_TTL_MS = 30_000
/** The bus family of the drops: `websites.read:<id>` drops one website's prices, bare: everything. */
export const WEBSITES_READ = 'websites.read'
const LIMIT = 2_000

/** Which website a `Host`/`X-Tenant` pair names (null: none), or a website's price options. */
type Entry = { website: Tenant | null; via: 'host' | 'header' | null } | { prices: PricingOption[] }

/** null: as `WEBSITE_CACHE` says; set by `useWebsiteCache`. */
let switched: boolean | null = null
const isOff = () => (switched === null ? env().WEBSITE_CACHE === 'off' : !switched)

const cache = announcedCache<string, Entry>({
  label: 'website change',
  family: WEBSITES_READ,
  ttlMs: WEBSITE_CACHE_TTL_MS,
  limit: LIMIT,
  isOff,
  copy: (entry) => structuredClone(entry),
})

export const websiteCacheStats = cache.stats

/** Switches the cache off or on in this process (the bench and tests compare both); null: as `WEBSITE_CACHE` says. */
export const useWebsiteCache = (on: boolean | null) => {
  switched = on
  cache.flush()
}

/** Resolutions share one group: any website's save may move a host to another website. */
const RESOLUTIONS = 'resolutions'
const resolutionKey = (hosts: readonly string[], slug: string | null) => `resolve:${hosts.join(',')}|${slug ?? ''}`

export type CachedResolution = { website: Tenant | null; via: 'host' | 'header' | null }

/** The website a host (its candidates, most specific first) and `X-Tenant` slug resolved to, while fresh. */
export const cachedResolution = (hosts: readonly string[], slug: string | null): CachedResolution | null => {
  const entry = cache.get(resolutionKey(hosts, slug))
  return entry && 'website' in entry ? entry : null
}

export const rememberResolution = (hosts: readonly string[], slug: string | null, resolution: CachedResolution, startedAt: number) =>
  cache.remember(resolutionKey(hosts, slug), resolution, startedAt, RESOLUTIONS)

/** A website's price options (as loadPricingConfig reads them), while fresh. */
export const cachedPrices = (website: number): PricingOption[] | null => {
  const entry = cache.get(`prices:${website}`)
  return entry && 'prices' in entry ? entry.prices : null
}

export const rememberPrices = (website: number, prices: PricingOption[], startedAt: number) => cache.remember(`prices:${website}`, { prices }, startedAt, String(website))

/** The generation a read starts at (hand it to `remember…`: a drop meanwhile keeps the read out). */
export const websiteCacheGeneration = () => cache.generation()

/** A website was saved or deleted: every resolution and price list goes, in every process. Never throws. */
export const forgetWebsites = () => cache.announceAll()

/** A price option of `website` changed: its price list goes, in every process. Never throws. */
export const forgetWebsitePrices = (website: number | null) => (website === null ? cache.announceAll() : cache.announce(String(website)))
