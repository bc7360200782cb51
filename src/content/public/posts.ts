import type { PayloadRequest, Where } from 'payload'
import type { z } from 'zod'

import { idOf } from '@/access/actor'
import { blogPostingLd, faqPageLd } from '@/domain/content/jsonLd'
import type { LexicalState } from '@/domain/content/lexical'
import { faqItems } from '@/domain/content/render/body'
import { ClientError } from '@/errors'
import type { Post, Tenant } from '@/payload-types'
import { findRedirect } from '@/operations/content/findRedirect'

import { CARD_SELECT, type CardDoc, loadCardRelations, postCard } from './cards'
import { findTermId } from './relations'
import { loadBodyNeeds, renderBody, seoMediaIds, seoOf } from './render'
import type { postListQuery, PostFullT } from './schemas'
import { absoluteUrl, organizationOf } from './site'

/** Published documents of the website: stated here as well as by the collections' read access. */
const publishedOf = (website: Tenant): Where[] => [{ tenant: { equals: website.id } }, { _status: { equals: 'published' } }]

/**
 * The filters of the list as conditions on posts. A slug that names no category, tag or
 * visible author of the website matches nothing: an empty list, not an error, so a
 * frontend's stale link shows "no posts" rather than breaking.
 */
const filterConditions = async (req: PayloadRequest, website: Tenant, query: z.infer<typeof postListQuery>): Promise<Where[] | null> => {
  const [category, tag, author] = await Promise.all([
    query.category ? findTermId(req, 'categories', website.id, query.category) : undefined,
    query.tag ? findTermId(req, 'tags', website.id, query.tag) : undefined,
    query.author ? findTermId(req, 'authors', website.id, query.author) : undefined,
  ])
  if (category === null || tag === null || author === null) return null
  const where: Where[] = []
  if (category !== undefined) where.push({ category: { equals: category } })
  if (tag !== undefined) where.push({ tags: { in: [tag] } })
  if (author !== undefined) where.push({ or: [{ primaryAuthor: { equals: author } }, { contributors: { in: [author] } }] })
  return where
}

/** A page of the website's published posts, newest first, as cards. */
export const listPublicPosts = async (req: PayloadRequest, website: Tenant, query: z.infer<typeof postListQuery>) => {
  const filters = await filterConditions(req, website, query)
  const empty = { docs: [], page: query.page, limit: query.limit, totalDocs: 0, totalPages: 0, hasNextPage: false, hasPrevPage: query.page > 1 }
  if (filters === null) return empty
  const found = await req.payload.find({
    collection: 'posts',
    where: { and: [...publishedOf(website), ...filters] },
    select: CARD_SELECT,
    sort: ['-publishedAt', '-id'],
    page: query.page,
    limit: query.limit,
    depth: 0,
    overrideAccess: false,
    req,
  })
  const docs = found.docs as CardDoc[]
  const relations = await loadCardRelations(req, docs)
  return {
    docs: docs.map((doc) => postCard(doc, website, relations)),
    page: query.page,
    limit: query.limit,
    totalDocs: found.totalDocs,
    totalPages: found.totalPages,
    hasNextPage: found.hasNextPage,
    hasPrevPage: query.page > 1,
  }
}

export type Found<T> = { found: T } | { movedTo: string }

/** One published post by slug with its body rendered; an old slug → where it lives now. */
export const publicPost = async (req: PayloadRequest, website: Tenant, slug: string): Promise<Found<PostFullT>> => {
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { and: [...publishedOf(website), { slug: { equals: slug } }] },
    select: { ...CARD_SELECT, body: true, primaryService: true, meta: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const doc = docs[0] as (CardDoc & Pick<Post, 'body' | 'primaryService' | 'meta'>) | undefined
  if (!doc) {
    const moved = await findRedirect(req, website.id, 'posts', slug)
    if (moved) return { movedTo: `/api/public/posts/${encodeURIComponent(moved.slug)}` }
    throw new ClientError(`No published post has the slug "${slug}" on this website.`, 404)
  }
  const body = (doc.body ?? null) as LexicalState
  const service = idOf(doc.primaryService)
  const needs = await loadBodyNeeds(req, website, body, service === null ? [] : [service])
  const relations = await loadCardRelations(req, [doc], [...needs.media, ...seoMediaIds(doc, website)])
  const card = postCard(doc, website, relations)
  const rendered = renderBody(body, needs, relations.media)
  const seo = seoOf('posts', doc, doc.excerpt, website, relations.media)
  const logo = idOf(website.branding?.logo)
  const publisher = organizationOf(website, logo === null ? null : (relations.media.get(logo)?.url ?? null))
  const origin = publisher.url
  const posting = blogPostingLd({
    headline: doc.title,
    description: seo.description,
    datePublished: doc.publishedAt ?? null,
    dateModified: doc.updatedAt,
    authors: [card.primaryAuthor, ...card.contributors]
      .filter((a) => a !== null)
      .map((a) => ({ name: a.name, url: a.links[0]?.url ?? null, credentials: a.credentials, expertise: a.expertise, sameAs: a.links.map((l) => l.url) })),
    publisher,
    image: absoluteUrl(origin, seo.image?.url ?? card.featuredImage?.url),
    canonical: seo.canonical,
    keywords: card.tags.map((t) => t.name),
    section: card.category?.name ?? null,
    wordCount: doc.wordCount ?? null,
  })
  const faq = faqPageLd(faqItems(body))
  return {
    found: {
      ...card,
      body: rendered.body as PostFullT['body'],
      html: rendered.html,
      seo,
      jsonLd: faq ? [posting, faq] : [posting],
      primaryService: service === null ? null : needs.link('pages', service),
    },
  }
}
