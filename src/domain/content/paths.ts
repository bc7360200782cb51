/**
 * Where content lives on a website's public site. One table so that the public API,
 * canonical URLs, JSON-LD, the sitemap, RSS, live preview and the reserved slugs agree.
 */
export type ContentCollection = 'posts' | 'pages'

/** Page templates that sell a service (Service JSON-LD, listed under /services/). */
export const SERVICE_TEMPLATES = ['standard', 'essay', 'technical', 'healthcare', 'admissions', 'editing', 'online_class'] as const
/** Every page template: the service templates, plus `landing` (campaign pages) and `static` (about, terms…). */
export const PAGE_TEMPLATES = [...SERVICE_TEMPLATES, 'landing', 'static'] as const
export type PageTemplate = (typeof PAGE_TEMPLATES)[number]

export const isServiceTemplate = (template: string | null | undefined): boolean =>
  (SERVICE_TEMPLATES as readonly string[]).includes(template ?? '')

/**
 * First path segments the public site and the platform own: a post or page may not take
 * one of these as its slug (pages sit at `/<slug>`, so a page called `admin` would shadow
 * the admin panel on the website's own domain).
 */
export const RESERVED_SLUGS: readonly string[] = [
  'api',
  'admin',
  'login',
  'logout',
  'register',
  'signup',
  'account',
  'dashboard',
  'pay',
  'checkout',
  'order',
  'orders',
  'sitemap.xml',
  'rss.xml',
  'robots.txt',
  'favicon.ico',
  'search',
  'blog',
  'services',
  'lp',
  'preview',
  'graphql',
  'health',
  'media',
  'static',
  '_next',
]

export const isReservedSlug = (slug: string): boolean => RESERVED_SLUGS.includes(slug.trim().toLowerCase())

/** The path of a document on its website: posts under /blog/, service pages under /services/, others at the root. */
export const contentPath = (collection: ContentCollection, doc: { slug: string; template?: string | null }): string => {
  if (collection === 'posts') return `/blog/${doc.slug}`
  return isServiceTemplate(doc.template) ? `/services/${doc.slug}` : `/${doc.slug}`
}

/** The website's canonical origin: its primary (first) domain over HTTPS. */
export const primaryOrigin = (website: { domains?: readonly { domain: string }[] | null }): string | null => {
  const domain = website.domains?.[0]?.domain
  return domain ? `https://${domain}` : null
}

/** The canonical URL of a document on its website's primary domain, or null when the website has no domain. */
export const canonicalUrl = (
  website: { domains?: readonly { domain: string }[] | null },
  collection: ContentCollection,
  doc: { slug: string; template?: string | null },
): string | null => {
  const origin = primaryOrigin(website)
  return origin ? `${origin}${contentPath(collection, doc)}` : null
}
