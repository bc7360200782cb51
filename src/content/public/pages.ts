import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { faqPageLd, serviceLd } from '@/domain/content/jsonLd'
import type { LexicalState } from '@/domain/content/lexical'
import { contentPath, isServiceTemplate } from '@/domain/content/paths'
import { faqItems } from '@/domain/content/render/body'
import { minorToDecimal } from '@/domain/moneyFormat'
import { minorUnitDigits } from '@/domain/currency'
import { ClientError } from '@/errors'
import type { Page, Tenant } from '@/payload-types'
import { findRedirect } from '@/operations/content/findRedirect'

import type { Found } from './posts'
import { loadMedia } from './relations'
import { loadBodyNeeds, renderBody, seoMediaIds, seoOf } from './render'
import type { PageFullT } from './schemas'
import { absoluteUrl, organizationOf } from './site'

const PAGE_SELECT = {
  title: true,
  slug: true,
  template: true,
  summary: true,
  hero: true,
  featuredImage: true,
  body: true,
  cta: true,
  pricingFrom: true,
  pricingTo: true,
  readingTime: true,
  wordCount: true,
  meta: true,
  updatedAt: true,
} as const

type PageDoc = Pick<Page, 'id' | keyof typeof PAGE_SELECT>

/** One published page by slug with its body rendered; service pages also as Service JSON-LD. */
export const publicPage = async (req: PayloadRequest, website: Tenant, slug: string): Promise<Found<PageFullT>> => {
  const { docs } = await req.payload.find({
    collection: 'pages',
    where: { and: [{ tenant: { equals: website.id } }, { _status: { equals: 'published' } }, { slug: { equals: slug } }] },
    select: PAGE_SELECT,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    req,
  })
  const doc = docs[0] as PageDoc | undefined
  if (!doc) {
    const moved = await findRedirect(req, website.id, 'pages', slug)
    if (moved) return { movedTo: `/api/public/pages/${encodeURIComponent(moved.slug)}` }
    throw new ClientError(`No published page has the slug "${slug}" on this website.`, 404)
  }
  const body = (doc.body ?? null) as LexicalState
  const needs = await loadBodyNeeds(req, website, body)
  const media = await loadMedia(req, [idOf(doc.featuredImage), ...needs.media, ...seoMediaIds(doc, website)])
  const rendered = renderBody(body, needs, media)
  const seo = seoOf('pages', doc, doc.summary, website, media)
  const featuredId = idOf(doc.featuredImage)
  const featuredImage = featuredId === null ? null : (media.get(featuredId) ?? null)

  const jsonLd: Record<string, unknown>[] = []
  if (isServiceTemplate(doc.template)) {
    const logo = idOf(website.branding?.logo)
    const provider = organizationOf(website, logo === null ? null : (media.get(logo)?.url ?? null))
    // The lowest price the page itself shows, so the offer matches what a reader sees.
    const lowest = rendered.prices.reduce<(typeof rendered.prices)[number] | null>((low, p) => (low === null || p.from < low.from ? p : low), null)
    jsonLd.push(
      serviceLd({
        name: doc.title,
        description: seo.description,
        provider,
        canonical: seo.canonical,
        lowPrice: lowest ? { amount: minorToDecimal(lowest.from, minorUnitDigits(lowest.currency)), currency: lowest.currency } : null,
        image: absoluteUrl(provider.url, seo.image?.url),
      }),
    )
  }
  const faq = faqPageLd(faqItems(body))
  if (faq) jsonLd.push(faq)

  return {
    found: {
      id: doc.id,
      slug: doc.slug,
      title: doc.title,
      template: doc.template,
      path: contentPath('pages', doc),
      url: seo.canonical,
      summary: doc.summary ?? null,
      hero: { headline: doc.hero?.headline ?? null, subheadline: doc.hero?.subheadline ?? null },
      cta: { text: doc.cta?.text ?? null, url: doc.cta?.url ?? null },
      pricingFrom: doc.pricingFrom ?? null,
      pricingTo: doc.pricingTo ?? null,
      featuredImage,
      readingTime: doc.readingTime ?? null,
      wordCount: doc.wordCount ?? null,
      updatedAt: doc.updatedAt,
      body: rendered.body as PageFullT['body'],
      html: rendered.html,
      seo,
      jsonLd,
    },
  }
}
