/**
 * Structured data (schema.org as JSON-LD) for the public API's posts and pages, so a
 * marketing frontend puts it in the page as is. Pure: the caller loads the documents and
 * the website, these functions only shape them. Absent facts are left out rather than
 * sent empty: search engines flag empty strings, not missing properties.
 */

type JsonLd = Record<string, unknown>

export type OrganizationFacts = { name: string; url: string | null; logo: string | null }
export type PersonFacts = { name: string; url: string | null; credentials: string | null; expertise: readonly string[]; sameAs: readonly string[] }
export type MoneyFacts = { amount: string; currency: string }

const CONTEXT = 'https://schema.org'

/** `value` under `key`, or nothing when it is null, empty text or an empty list. */
const opt = (key: string, value: unknown): JsonLd => {
  if (value === null || value === undefined) return {}
  if (typeof value === 'string' && value.trim() === '') return {}
  if (Array.isArray(value) && value.length === 0) return {}
  return { [key]: value }
}

export const organizationLd = (org: OrganizationFacts): JsonLd => ({
  '@type': 'Organization',
  name: org.name,
  ...opt('url', org.url),
  ...opt('logo', org.logo ? { '@type': 'ImageObject', url: org.logo } : null),
})

export const personLd = (person: PersonFacts): JsonLd => ({
  '@type': 'Person',
  name: person.name,
  ...opt('url', person.url),
  ...opt('hasCredential', person.credentials ? { '@type': 'EducationalOccupationalCredential', name: person.credentials } : null),
  ...opt('knowsAbout', [...person.expertise]),
  ...opt('sameAs', [...person.sameAs]),
})

export type BlogPostingFacts = {
  headline: string
  description: string | null
  datePublished: string | null
  dateModified: string | null
  authors: readonly PersonFacts[]
  publisher: OrganizationFacts
  image: string | null
  canonical: string | null
  keywords?: readonly string[]
  section?: string | null
  wordCount?: number | null
}

/** A blog post: its authors (primary first) as Persons, the website as publisher. */
export const blogPostingLd = (post: BlogPostingFacts): JsonLd => ({
  '@context': CONTEXT,
  '@type': 'BlogPosting',
  headline: post.headline,
  ...opt('description', post.description),
  ...opt('datePublished', post.datePublished),
  ...opt('dateModified', post.dateModified ?? post.datePublished),
  ...opt('author', post.authors.map(personLd)),
  publisher: organizationLd(post.publisher),
  ...opt('image', post.image),
  ...opt('mainEntityOfPage', post.canonical ? { '@type': 'WebPage', '@id': post.canonical } : null),
  ...opt('url', post.canonical),
  ...opt('keywords', post.keywords && post.keywords.length > 0 ? post.keywords.join(', ') : null),
  ...opt('articleSection', post.section),
  ...opt('wordCount', post.wordCount || null),
})

export type ServiceFacts = {
  name: string
  description: string | null
  provider: OrganizationFacts
  canonical: string | null
  /** The lowest price a client pays for it, when the page shows one. */
  lowPrice: MoneyFacts | null
  image: string | null
}

/** A service page: what is sold, by whom, from what price. */
export const serviceLd = (service: ServiceFacts): JsonLd => ({
  '@context': CONTEXT,
  '@type': 'Service',
  name: service.name,
  ...opt('description', service.description),
  provider: organizationLd(service.provider),
  ...opt('url', service.canonical),
  ...opt('image', service.image),
  ...opt('offers', service.lowPrice ? { '@type': 'AggregateOffer', lowPrice: service.lowPrice.amount, priceCurrency: service.lowPrice.currency } : null),
})

/** Questions and answers of a page's FAQ blocks; null when it has none (no empty FAQPage). */
export const faqPageLd = (items: readonly { question: string; answer: string }[]): JsonLd | null =>
  items.length === 0
    ? null
    : {
        '@context': CONTEXT,
        '@type': 'FAQPage',
        mainEntity: items.map((item) => ({ '@type': 'Question', name: item.question, acceptedAnswer: { '@type': 'Answer', text: item.answer } })),
      }
