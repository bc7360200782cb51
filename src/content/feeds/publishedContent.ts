import type { PayloadRequest, Where } from 'payload'

import { execute, sql } from '@/db/execute'
import { contentPath } from '@/domain/content/paths'
import { RSS_ITEM_COUNT, type RssItem } from '@/domain/content/feeds/rss'
import { SITEMAP_MAX_URLS, type SitemapDoc } from '@/domain/content/feeds/sitemap'
import type { Tenant } from '@/payload-types'

/**
 * The website's published rows, stated here as well as by the collections' read access
 * (which an anonymous request meets: published rows of the request's website), so the
 * feed stays public even if that access ever grows.
 */
const published = (tenantId: number): Where => ({ and: [{ tenant: { equals: tenantId } }, { _status: { equals: 'published' } }] })

/**
 * Every published post and page of the website, for its sitemap: main tables only (a
 * draft saved after publishing is not there), `updatedAt` being the last publish. One
 * SQL statement on the indexed tenant column, like search, stating the public rows
 * itself: Payload's read path (hooks, a field-by-field pass over each document) took
 * seconds for the 18,000 posts of a large website, for three columns nobody hides.
 */
export const sitemapDocs = async (req: PayloadRequest, tenantId: number): Promise<{ posts: SitemapDoc[]; pages: SitemapDoc[] }> => {
  const rows = await execute<{ collection: 'posts' | 'pages'; slug: string; template: string | null; updated_at: string | Date }>(
    req,
    sql`
      (SELECT 'posts' AS collection, slug, NULL::text AS template, updated_at FROM posts
        WHERE tenant_id = ${tenantId} AND _status = 'published' AND slug IS NOT NULL
        ORDER BY published_at DESC NULLS LAST, id DESC LIMIT ${SITEMAP_MAX_URLS})
      UNION ALL
      (SELECT 'pages', slug, template::text, updated_at FROM pages
        WHERE tenant_id = ${tenantId} AND _status = 'published' AND slug IS NOT NULL
        ORDER BY slug LIMIT ${SITEMAP_MAX_URLS})
    `,
  )
  const of = (collection: 'posts' | 'pages') =>
    rows.filter((row) => row.collection === collection).map((row) => ({ slug: row.slug, template: row.template, updatedAt: new Date(row.updated_at).toISOString() }))
  return { posts: of('posts'), pages: of('pages') }
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
