import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { buildRobots, isRobotsPath } from '@/domain/content/feeds/robots'
import { buildRss } from '@/domain/content/feeds/rss'
import { buildSitemap, sitemapUrls } from '@/domain/content/feeds/sitemap'
import { xmlDocument, xmlEscape } from '@/domain/content/feeds/xml'

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true)
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'item', 'category'].includes(name) }).parse(xml)
}

describe('XML', () => {
  it('escapes the five special characters and drops what XML cannot carry', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
    expect(xmlEscape('tab\tline\nreturn\r bell\u0007 nul\u0000 del-ok\u007f fffe\uFFFE lone\uD800 pair😀 é')).toBe('tab\tline\nreturn\r bell nul del-ok\u007f fffe lone pair😀 é')
  })

  it('writes elements with escaped attributes, text, children and empty ones', () => {
    const text = xmlDocument({ name: 'a', attributes: { href: 'x?y=1&z="2"' }, children: [{ name: 'b', text: '<1>' }, { name: 'c' }] })
    expect(text).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<a href="x?y=1&amp;z=&quot;2&quot;">\n  <b>&lt;1&gt;</b>\n  <c/>\n</a>\n')
    expect(parse(text).a.b).toBe('<1>')
  })
})

describe('sitemap', () => {
  const origin = 'https://alpha.test'
  const urls = sitemapUrls(origin, {
    posts: [
      { slug: 'apa-guide', updatedAt: '2026-11-02T10:00:00.000Z' },
      { slug: 'mla-guide', updatedAt: '2026-11-05T09:30:00.000Z' },
    ],
    pages: [
      { slug: 'essay-writing', template: 'essay', updatedAt: '2026-11-07T08:00:00.000Z' },
      { slug: 'about', template: 'static', updatedAt: null },
    ],
  })

  it('lists the home, the blog, then every post and page at its canonical address', () => {
    expect(urls.map((u) => u.loc)).toEqual([
      'https://alpha.test/',
      'https://alpha.test/blog/',
      'https://alpha.test/blog/apa-guide',
      'https://alpha.test/blog/mla-guide',
      'https://alpha.test/services/essay-writing',
      'https://alpha.test/about',
    ])
  })

  it('dates the home by the newest change of anything, the blog by its newest post', () => {
    expect(urls[0]!.lastmod).toBe('2026-11-07T08:00:00.000Z')
    expect(urls[1]!.lastmod).toBe('2026-11-05T09:30:00.000Z')
    expect(urls[5]!.lastmod).toBeNull()
  })

  it('has no lastmod for an empty blog', () => {
    expect(sitemapUrls(origin, { posts: [], pages: [] })).toEqual([
      { loc: 'https://alpha.test/', lastmod: null },
      { loc: 'https://alpha.test/blog/', lastmod: null },
    ])
  })

  it('writes a sitemaps.org urlset that parses back to the same URLs, escaping what XML needs', () => {
    const xml = buildSitemap([...urls, { loc: 'https://alpha.test/q?a=1&b=<2>', lastmod: null }])
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(xml).toContain('<loc>https://alpha.test/q?a=1&amp;b=&lt;2&gt;</loc>')
    const doc = parse(xml)
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(doc.urlset.url.map((u: { loc: string }) => u.loc)).toEqual([...urls.map((u) => u.loc), 'https://alpha.test/q?a=1&b=<2>'])
    expect(doc.urlset.url[2].lastmod).toBe('2026-11-02T10:00:00.000Z')
    expect(doc.urlset.url[5].lastmod).toBeUndefined()
  })
})

describe('RSS', () => {
  const channel = { title: 'Alpha & Co <Essays>', link: 'https://alpha.test/blog/', description: 'Tips', selfUrl: 'https://alpha.test/rss.xml', language: 'en' }
  const items = [
    {
      title: 'Ampersands & <tags> "quoted"',
      link: 'https://alpha.test/blog/amp',
      guid: 'alpha:posts:2',
      description: 'Bell\u0007 and </description><script>x</script>\uFFFF',
      publishedAt: '2026-11-05T09:30:00.000Z',
      author: 'Ada Writer',
      categories: ['Guides', 'Style'],
    },
    { title: 'Older', link: 'https://alpha.test/blog/older', guid: 'alpha:posts:1', publishedAt: '2026-10-01T00:00:00.000Z' },
  ]

  it('is well-formed RSS 2.0 with the items in order, their text escaped and unreadable characters dropped', () => {
    const xml = buildRss(channel, items)
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('\u0007')
    const { rss } = parse(xml)
    expect(rss['@_version']).toBe('2.0')
    expect(rss.channel.title).toBe('Alpha & Co <Essays>')
    expect(rss.channel['atom:link']['@_href']).toBe('https://alpha.test/rss.xml')
    expect(rss.channel.language).toBe('en')
    expect(rss.channel.item.map((i: { title: string }) => i.title)).toEqual(['Ampersands & <tags> "quoted"', 'Older'])
    const first = rss.channel.item[0]
    expect(first.description).toBe('Bell and </description><script>x</script>')
    expect(first.guid['#text']).toBe('alpha:posts:2')
    expect(first.guid['@_isPermaLink']).toBe('false')
    expect(first.pubDate).toBe('Thu, 05 Nov 2026 09:30:00 GMT')
    expect(first['dc:creator']).toBe('Ada Writer')
    expect(first.category).toEqual(['Guides', 'Style'])
    expect(rss.channel.item[1]['dc:creator']).toBeUndefined()
  })

  it('dates the build by the newest item, so the same posts give the same bytes', () => {
    const xml = buildRss(channel, items)
    expect(parse(xml).rss.channel.lastBuildDate).toBe('Thu, 05 Nov 2026 09:30:00 GMT')
    expect(buildRss(channel, items)).toBe(xml)
    expect(parse(buildRss(channel, [])).rss.channel.lastBuildDate).toBeUndefined()
  })
})

describe('robots.txt', () => {
  it('allows the site and the public API, keeps crawlers out of the admin and the rest of the API, and names the sitemap', () => {
    expect(buildRobots({ origin: 'https://alpha.test', extraDisallow: ['/drafts', ' /private/* ', '/admin'] }).split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Allow: /api/public/',
      'Disallow: /admin',
      'Disallow: /api/',
      'Disallow: /drafts',
      'Disallow: /private/*',
      '',
      'Sitemap: https://alpha.test/sitemap.xml',
      '',
    ])
  })

  it('drops extra paths that are not paths or would break out of their line', () => {
    const text = buildRobots({ origin: null, extraDisallow: ['no-slash', '/x\nAllow: /admin', '', null, '/ok'] })
    expect(text).toBe('User-agent: *\nAllow: /\nAllow: /api/public/\nDisallow: /admin\nDisallow: /api/\nDisallow: /ok\n')
    expect(isRobotsPath('/a/b*.pdf$')).toBe(true)
    expect(isRobotsPath('/a b')).toBe(false)
  })
})
