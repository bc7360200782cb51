import { type ContentCollection, contentPath } from '../paths'

import { isoInstant, newestInstant, textElement, xmlDocument } from './xml'

/** What the sitemap needs of a published post or page. */
export type SitemapDoc = { slug: string; template?: string | null; updatedAt?: string | null }

export type SitemapUrl = { loc: string; lastmod: string | null }

/** The protocol's limit of URLs in one file (sitemaps.org); past it a sitemap index is needed. */
export const SITEMAP_MAX_URLS = 50_000

/**
 * Every public URL of a website: its home, the blog's index, then each published post
 * and page at its canonical address (at most SITEMAP_MAX_URLS in all). The home changes whenever anything does, the blog
 * whenever a post does, so their `lastmod` is the newest of what they list.
 */
export const sitemapUrls = (origin: string, docs: { posts: readonly SitemapDoc[]; pages: readonly SitemapDoc[] }): SitemapUrl[] => {
  const of = (collection: ContentCollection, list: readonly SitemapDoc[]) =>
    list.map((doc) => ({ loc: `${origin}${contentPath(collection, doc)}`, lastmod: isoInstant(doc.updatedAt) }))
  const posts = of('posts', docs.posts)
  const pages = of('pages', docs.pages)
  const all = [
    { loc: `${origin}/`, lastmod: newestInstant([...posts, ...pages].map((u) => u.lastmod)) },
    { loc: `${origin}/blog/`, lastmod: newestInstant(posts.map((u) => u.lastmod)) },
    ...posts,
    ...pages,
  ]
  // Past the limit crawlers reject the whole file; a sitemap index is the way beyond it.
  return all.slice(0, SITEMAP_MAX_URLS)
}

/** A sitemaps.org 0.9 `urlset`. */
export const buildSitemap = (urls: readonly SitemapUrl[]): string =>
  xmlDocument({
    name: 'urlset',
    attributes: { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
    children: urls.map((url) => ({ name: 'url', children: [{ name: 'loc', text: url.loc }, ...textElement('lastmod', url.lastmod)] })),
  })
