import type { PayloadRequest } from 'payload'
import { sanitizeUrl } from 'payload/shared'

import { idOf } from '@/access/actor'
import type { LexicalState } from '@/domain/content/lexical'
import { canonicalUrl, type ContentCollection } from '@/domain/content/paths'
import { bodyReferences, type LinkTarget, type MediaView, type PriceView, publicBody, type TestimonialView, testimonialNeeds } from '@/domain/content/render/body'
import { defaultMetaDescription, defaultMetaTitle } from '@/domain/content/seo'
import type { Media, Tenant } from '@/payload-types'
import { contentDefaults } from '@/operations/content/websiteContent'
import { latestApprovedReviews, type PublicReview } from '@/operations/reviews/public'
import { bodyHtml } from '@/content/render/html'

import { loadLinkTargets } from './relations'
import { livePrices } from './site'

type Ref = number | Media | null | undefined

/** What a post's or page's body needs besides itself, gathered before the one media query. */
export type BodyNeeds = {
  /** Media ids the body shows, to add to the document's own media query. */
  media: number[]
  link: (collection: ContentCollection, id: number) => LinkTarget | null
  prices: (paperTypes: readonly string[]) => PriceView[]
  reviews: (count: number, minRating: number) => TestimonialView[]
}

/** How many reviews a body's testimonials load at most: blocks asking for more stars pick from these. */
const REVIEWS_LOADED = 50

/** An approved review as a testimonial: its words and stars, by a verified client, about a writer by pen name. */
const asTestimonial = (review: PublicReview): TestimonialView => ({
  quote: review.text,
  author: 'Verified client',
  role: review.writer ? `Order with ${review.writer.penName}` : 'Review of the website',
  rating: review.rating,
})

/**
 * The link targets, live prices and approved reviews of a body (and of `pages`, other page
 * relations such as a post's primary service), loaded together: one query per linked
 * collection, one for the price list when the body has a pricing table, one (and one for
 * pen names) when a testimonials block shows reviews.
 */
export const loadBodyNeeds = async (req: PayloadRequest, website: Tenant, body: LexicalState, pages: readonly number[] = []): Promise<BodyNeeds> => {
  const refs = bodyReferences(body)
  const testimonials = testimonialNeeds(body)
  const [link, prices, reviews] = await Promise.all([
    loadLinkTargets(req, website.id, { posts: refs.posts, pages: [...refs.pages, ...pages] }),
    refs.pricingTables > 0 ? livePrices(req, website) : Promise.resolve(() => []),
    testimonials ? latestApprovedReviews(req, website.id, REVIEWS_LOADED, testimonials.minRating) : Promise.resolve([]),
  ])
  const quotes = reviews.map(asTestimonial)
  return { media: refs.media, link, prices, reviews: (count, minRating) => quotes.filter((q) => (q.rating ?? 0) >= minRating).slice(0, count) }
}

/** The public body, its HTML, and every price its pricing tables show. */
export const renderBody = (body: LexicalState, needs: BodyNeeds, media: Map<number, MediaView>) => {
  const shown: PriceView[] = []
  const state = publicBody(body, {
    link: needs.link,
    media: (id) => media.get(id) ?? null,
    url: sanitizeUrl,
    reviews: needs.reviews,
    prices: (paperTypes) => {
      const rows = needs.prices(paperTypes)
      shown.push(...rows)
      return rows
    },
  })
  return { body: state ?? null, html: bodyHtml(state), prices: shown }
}

/** Media ids of a document's SEO image and the website's defaults (SEO image, logo). */
export const seoMediaIds = (doc: { meta?: { image?: Ref } | null }, website: Tenant): (number | null)[] => [
  idOf(doc.meta?.image),
  idOf(website.content?.defaultMetaImage),
  idOf(website.branding?.logo),
]

/**
 * Title, description and image for the page's head: the document's own meta fields,
 * else what the SEO plugin would generate from the title and teaser with the website's
 * defaults; the canonical URL on the website's primary domain.
 */
export const seoOf = (
  collection: ContentCollection,
  doc: { title: string; slug: string; template?: string | null; meta?: { title?: string | null; description?: string | null; image?: Ref } | null; featuredImage?: Ref },
  teaser: string | null | undefined,
  website: Tenant,
  media: Map<number, MediaView>,
) => {
  const defaults = contentDefaults(website)
  const image = [idOf(doc.meta?.image), idOf(doc.featuredImage), idOf(website.content?.defaultMetaImage)]
    .map((id) => (id === null ? undefined : media.get(id)))
    .find(Boolean)
  return {
    title: doc.meta?.title?.trim() || defaultMetaTitle(doc.title, defaults),
    description: doc.meta?.description?.trim() || defaultMetaDescription(teaser, defaults) || null,
    image: image ?? null,
    canonical: canonicalUrl(website, collection, doc),
  }
}
