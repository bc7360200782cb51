import { describe, expect, it } from 'vitest'

import { blogPostingLd, faqPageLd, type OrganizationFacts, type PersonFacts, serviceLd } from '@/domain/content/jsonLd'

const publisher: OrganizationFacts = { name: 'Alpha Writing Ltd', url: 'https://alpha.test', logo: null }
const ann: PersonFacts = { name: 'Ann Lee', url: 'https://orcid.org/0000', credentials: 'PhD, History', expertise: ['history', 'essays'], sameAs: ['https://orcid.org/0000', 'https://x.test/ann'] }
const bob: PersonFacts = { name: 'Bob', url: null, credentials: null, expertise: [], sameAs: [] }

describe('blogPostingLd', () => {
  it('names the post, its authors as Persons, the website as publisher and the canonical page', () => {
    expect(
      blogPostingLd({
        headline: 'How to cite',
        description: 'A short guide.',
        datePublished: '2026-11-01T10:00:00.000Z',
        dateModified: '2026-11-02T10:00:00.000Z',
        authors: [ann, bob],
        publisher: { ...publisher, logo: 'https://alpha.test/api/media/file/logo.png' },
        image: 'https://alpha.test/api/media/file/cover.jpg',
        canonical: 'https://alpha.test/blog/how-to-cite',
        keywords: ['citing', 'apa'],
        section: 'Guides',
        wordCount: 830,
      }),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'How to cite',
      description: 'A short guide.',
      datePublished: '2026-11-01T10:00:00.000Z',
      dateModified: '2026-11-02T10:00:00.000Z',
      author: [
        {
          '@type': 'Person',
          name: 'Ann Lee',
          url: 'https://orcid.org/0000',
          hasCredential: { '@type': 'EducationalOccupationalCredential', name: 'PhD, History' },
          knowsAbout: ['history', 'essays'],
          sameAs: ['https://orcid.org/0000', 'https://x.test/ann'],
        },
        { '@type': 'Person', name: 'Bob' },
      ],
      publisher: { '@type': 'Organization', name: 'Alpha Writing Ltd', url: 'https://alpha.test', logo: { '@type': 'ImageObject', url: 'https://alpha.test/api/media/file/logo.png' } },
      image: 'https://alpha.test/api/media/file/cover.jpg',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://alpha.test/blog/how-to-cite' },
      url: 'https://alpha.test/blog/how-to-cite',
      keywords: 'citing, apa',
      articleSection: 'Guides',
      wordCount: 830,
    })
  })

  it('leaves out what is unknown instead of sending it empty, and dates an unedited post by its publication', () => {
    const ld = blogPostingLd({ headline: 'Bare', description: '', datePublished: '2026-11-01T10:00:00.000Z', dateModified: null, authors: [], publisher: { name: 'Beta', url: null, logo: null }, image: null, canonical: null })
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Bare',
      datePublished: '2026-11-01T10:00:00.000Z',
      dateModified: '2026-11-01T10:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'Beta' },
    })
  })
})

describe('serviceLd', () => {
  it('names the service, its provider and its lowest price when one is known', () => {
    expect(serviceLd({ name: 'Essay writing', description: 'Essays by experts.', provider: publisher, canonical: 'https://alpha.test/services/essays', lowPrice: { amount: '12.99', currency: 'USD' }, image: null })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Service',
      name: 'Essay writing',
      description: 'Essays by experts.',
      provider: { '@type': 'Organization', name: 'Alpha Writing Ltd', url: 'https://alpha.test' },
      url: 'https://alpha.test/services/essays',
      offers: { '@type': 'AggregateOffer', lowPrice: '12.99', priceCurrency: 'USD' },
    })
    expect(serviceLd({ name: 'Editing', description: null, provider: publisher, canonical: null, lowPrice: null, image: null })).not.toHaveProperty('offers')
  })
})

describe('faqPageLd', () => {
  it('lists every question with its accepted answer', () => {
    expect(faqPageLd([{ question: 'How fast?', answer: 'In 3 hours.' }])).toEqual({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: 'How fast?', acceptedAnswer: { '@type': 'Answer', text: 'In 3 hours.' } }],
    })
  })
  it('is null without questions', () => {
    expect(faqPageLd([])).toBeNull()
  })
})
