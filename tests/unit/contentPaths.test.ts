import { describe, expect, it } from 'vitest'

import { canonicalUrl, contentPath, isReservedSlug, isServiceTemplate } from '@/domain/content/paths'

describe('content paths', () => {
  it('puts posts under /blog, service pages under /services and other pages at the root', () => {
    expect(contentPath('posts', { slug: 'apa-guide' })).toBe('/blog/apa-guide')
    expect(contentPath('pages', { slug: 'essay-writing', template: 'essay' })).toBe('/services/essay-writing')
    expect(contentPath('pages', { slug: 'about', template: 'static' })).toBe('/about')
    expect(contentPath('pages', { slug: 'spring-sale', template: 'landing' })).toBe('/spring-sale')
  })

  it('builds canonical URLs on the first domain over HTTPS, none without a domain', () => {
    const website = { domains: [{ domain: 'alpha.test' }, { domain: 'alpha-essays.test' }] }
    expect(canonicalUrl(website, 'posts', { slug: 'x' })).toBe('https://alpha.test/blog/x')
    expect(canonicalUrl({ domains: [] }, 'posts', { slug: 'x' })).toBeNull()
  })

  it('reserves the platform’s own paths, case-insensitively', () => {
    for (const slug of ['api', 'ADMIN', 'sitemap.xml', 'rss.xml', 'robots.txt', 'blog', 'services', 'search', 'pay']) expect(isReservedSlug(slug)).toBe(true)
    expect(isReservedSlug('apa-guide')).toBe(false)
    expect(isServiceTemplate('landing')).toBe(false)
    expect(isServiceTemplate('editing')).toBe(true)
  })
})
