import type { PayloadRequest } from 'payload'

import { buildRobots } from '@/domain/content/feeds/robots'
import { buildRss } from '@/domain/content/feeds/rss'
import { buildSitemap, sitemapUrls } from '@/domain/content/feeds/sitemap'
import { primaryOrigin } from '@/domain/content/paths'
import type { Tenant } from '@/payload-types'

import { rssItems, sitemapDocs } from './publishedContent'

export type FeedDocument = { body: string; contentType: string }

/** The website's root documents, by their path. */
export const FEED_PATHS = ['/sitemap.xml', '/rss.xml', '/robots.txt'] as const
export type FeedPath = (typeof FEED_PATHS)[number]

/**
 * A feed of the website, or null when it cannot have one: sitemap and RSS are made of
 * absolute URLs on the primary domain, so a website with no domain has neither (robots.txt
 * then leaves out its Sitemap line).
 */
export const feedDocument = async (req: PayloadRequest, website: Tenant, path: FeedPath): Promise<FeedDocument | null> => {
  const origin = primaryOrigin(website)
  if (path === '/robots.txt') return { body: buildRobots({ origin, extraDisallow: website.content?.robotsDisallow }), contentType: 'text/plain; charset=utf-8' }
  if (!origin) return null
  if (path === '/sitemap.xml') return { body: buildSitemap(sitemapUrls(origin, await sitemapDocs(req, website.id))), contentType: 'application/xml; charset=utf-8' }
  const title = website.content?.siteName || website.name
  const channel = {
    title,
    link: `${origin}/blog/`,
    description: website.content?.defaultMetaDescription || `The latest posts of ${title}.`,
    selfUrl: `${origin}/rss.xml`,
  }
  return { body: buildRss(channel, await rssItems(req, website, origin)), contentType: 'application/rss+xml; charset=utf-8' }
}
