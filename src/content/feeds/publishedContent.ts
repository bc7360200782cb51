import type { PayloadRequest, Where } from 'payload'

import { contentPath } from '@/domain/content/paths'
import { RSS_ITEM_COUNT, type RssItem } from '@/domain/content/feeds/rss'
import { SITEMAP_MAX_URLS, type SitemapDoc } from '@/domain/content/feeds/sitemap'
import type { Tenant } from '@/payload-types'

/**
 * The website's published rows, stated here as well as by the collections' read access
 * (which an anonymous request meets: published rows of the request's website), so a
 * feed stays public even if that access ever grows.
 */
const published = (tenantId: number): Where => ({ and: [{ tenant: { equals: tenantId } }, { _status: { equals: 'published' } }] })

/**
 * Every published post and page of the website, for its sitemap: as an anonymous reader
 * (`req` carries no user), main tables only (a draft saved after publishing is not
 * there), `updatedAt` being the last publish.
 */
export const sitemapDocs = async (req: PayloadRequest, tenantId: number): Promise<{ posts: SitemapDoc[]; pages: SitemapDoc[] }> => {
  const common = { where: published(tenantId), depth: 0, limit: SITEMAP_MAX_URLS, pagination: false, req } as const
  const posts = await req.payload.find({ ...common, collection: 'posts', sort: ['-publishedAt', '-id'], select: { slug: true, updatedAt: true }, overrideAccess: false })
  const pages = await req.payload.find({ ...common, collection: 'pages', sort: 'slug', select: { slug: true, template: true, updatedAt: true }, overrideAccess: false })
  return { posts: posts.docs, pages: pages.docs }
}

const nameOf = (value: unknown): string | null => (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : null)

/**
 * The newest published posts of the website as RSS items: canonical links, the author
 * and category by name when the public may read them (an author hidden from the public
 * stays an id and is left out).
 */
export const rssItems = async (req: PayloadRequest, website: Pick<Tenant, 'id' | 'slug'>, origin: string): Promise<RssItem[]> => {
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: published(website.id),
    sort: ['-publishedAt', '-id'],
    limit: RSS_ITEM_COUNT,
    pagination: false,
    depth: 1,
    select: { title: true, slug: true, excerpt: true, publishedAt: true, primaryAuthor: true, category: true },
    populate: { authors: { name: true }, categories: { name: true } },
    overrideAccess: false,
    req,
  })
  return docs.map((post) => ({
    title: post.title,
    link: `${origin}${contentPath('posts', post)}`,
    guid: `${website.slug}:posts:${post.id}`,
    description: post.excerpt,
    publishedAt: post.publishedAt,
    author: nameOf(post.primaryAuthor),
    categories: [nameOf(post.category)].filter((name): name is string => name !== null),
  }))
}
