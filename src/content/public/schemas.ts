import { z } from 'zod'

import { schemas } from '@/api/openapi/describe'
import { PAGE_TEMPLATES } from '@/domain/content/paths'
import { QUERY_LIMITS } from '@/domain/query/limits'

/** Largest page of posts one request may ask for. */
export const MAX_POSTS_PER_PAGE = 50

const slug = z.string().min(1).max(96)

export const mediaView = z.object({
  id: z.number().int(),
  url: z.string(),
  alt: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  mimeType: z.string().nullable(),
})

export const termView = z.object({ name: z.string(), slug: z.string() })

export const authorView = z.object({
  name: z.string(),
  slug: z.string(),
  bio: z.string().nullable(),
  credentials: z.string().nullable(),
  expertise: z.array(z.string()),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  photo: mediaView.nullable(),
})

export const linkTargetView = z.object({ id: z.number().int(), slug: z.string(), title: z.string(), path: z.string().describe('The path on the website: /blog/<slug>, /services/<slug> or /<slug>.') })

export const seoView = z.object({
  title: z.string(),
  description: z.string().nullable(),
  image: mediaView.nullable(),
  canonical: z.string().nullable().describe('On the website’s primary domain; null when the website has no domain.'),
})

const lexicalBody = z
  .object({ root: z.object({ type: z.string(), children: z.array(z.unknown()) }).catchall(z.unknown()) })
  .catchall(z.unknown())
  .nullable()
  .describe(
    'The rich text as Lexical JSON, made public: internal links carry their target’s `{ id, slug, title, path }` (links to anything unpublished are plain text), images their media, pricing tables their live `prices`.',
  )

const rendered = {
  body: lexicalBody,
  html: z.string().describe('The body as HTML (escaped; internal links to public paths; pricing tables with live prices).'),
  seo: seoView,
  jsonLd: z.array(z.record(z.string(), z.unknown())).describe('schema.org objects to embed as `application/ld+json`.'),
}

export const postCard = z.object({
  id: z.number().int(),
  slug,
  title: z.string(),
  excerpt: z.string().nullable(),
  path: z.string(),
  url: z.string().nullable().describe('The canonical URL.'),
  publishedAt: schemas.isoDate.nullable(),
  updatedAt: schemas.isoDate,
  readingTime: z.number().nullable().describe('Minutes.'),
  wordCount: z.number().nullable(),
  featuredImage: mediaView.nullable(),
  primaryAuthor: authorView.nullable(),
  contributors: z.array(authorView),
  category: termView.nullable(),
  tags: z.array(termView),
})

export const postFull = postCard.extend({ ...rendered, primaryService: linkTargetView.nullable() })

export const pageFull = z.object({
  id: z.number().int(),
  slug,
  title: z.string(),
  template: z.enum(PAGE_TEMPLATES),
  path: z.string(),
  url: z.string().nullable(),
  summary: z.string().nullable(),
  hero: z.object({ headline: z.string().nullable(), subheadline: z.string().nullable() }),
  cta: z.object({ text: z.string().nullable(), url: z.string().nullable() }),
  pricingFrom: z.number().nullable(),
  pricingTo: z.number().nullable(),
  featuredImage: mediaView.nullable(),
  readingTime: z.number().nullable(),
  wordCount: z.number().nullable(),
  updatedAt: schemas.isoDate,
  ...rendered,
})

export const postListAnswer = z.object({
  docs: z.array(postCard),
  page: z.number().int(),
  limit: z.number().int(),
  totalDocs: z.number().int(),
  totalPages: z.number().int(),
  hasNextPage: z.boolean(),
  hasPrevPage: z.boolean(),
})

const filterSlug = z.string().trim().min(1, 'must not be empty.').max(96, 'is at most 96 characters.')

export const postListQuery = z.object({
  category: filterSlug.optional().describe('A category’s slug; an unknown one lists nothing.'),
  tag: filterSlug.optional().describe('A tag’s slug; an unknown one lists nothing.'),
  author: filterSlug.optional().describe('An author’s slug (primary author or contributor); an unknown one lists nothing.'),
  page: z.coerce
    .number({ error: 'must be a whole number from 1.' })
    .int('must be a whole number from 1.')
    .min(1, 'must be a whole number from 1.')
    .max(QUERY_LIMITS.maxPage, `is at most ${QUERY_LIMITS.maxPage}.`)
    .default(1),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_POSTS_PER_PAGE}.` })
    .int(`must be a whole number from 1 to ${MAX_POSTS_PER_PAGE}.`)
    .min(1, `must be a whole number from 1 to ${MAX_POSTS_PER_PAGE}.`)
    .max(MAX_POSTS_PER_PAGE, `must be a whole number from 1 to ${MAX_POSTS_PER_PAGE}.`)
    .default(10),
})

export const slugParams = z.object({ slug: z.string().describe('The document’s slug (an old slug answers 301 to the current one).') })

export type MediaViewT = z.infer<typeof mediaView>
export type AuthorViewT = z.infer<typeof authorView>
export type TermViewT = z.infer<typeof termView>
export type PostCardT = z.infer<typeof postCard>
export type PostFullT = z.infer<typeof postFull>
export type PageFullT = z.infer<typeof pageFull>
