import { sanitizeUrl } from 'payload/shared'
import { describe, expect, it } from 'vitest'

import { bodyHtml } from '@/content/render/html'
import type { LexicalNode, LexicalState } from '@/domain/content/lexical'
import { publicBody, type Resolved } from '@/domain/content/render/body'

const textNode = (text: string, format = 0): LexicalNode => ({ type: 'text', text, format, version: 1, detail: 0, mode: 'normal', style: '' })
const paragraph = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children })
const block = (fields: Record<string, unknown>): LexicalNode => ({ type: 'block', version: 2, format: '', fields: { id: 'b1', blockName: '', ...fields } })
const state = (...children: LexicalNode[]): LexicalState => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } })
const internalLink = (relationTo: string, value: unknown, text: string): LexicalNode => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
  children: [textNode(text)],
})

const resolved: Resolved = {
  link: (collection, id) => (collection === 'posts' && id === 1 ? { id: 1, slug: 'live', title: 'Live', path: '/blog/live' } : null),
  media: (id) => (id === 5 ? { id: 5, url: '/api/media/file/a.png', alt: 'Chart "2026" <b>', width: 640, height: 480, mimeType: 'image/png' } : null),
  prices: () => [
    { paperType: 'essay', label: 'Essay', from: 1299, currency: 'USD', formatted: '$12.99' },
    { paperType: 'thesis', label: 'Thesis <PhD>', from: 2050, currency: 'USD', formatted: '$20.50' },
  ],
  url: sanitizeUrl,
}
const render = (...children: LexicalNode[]) => bodyHtml(publicBody(state(...children), resolved))

describe('bodyHtml', () => {
  it('renders paragraphs and formats with Payload’s converters, escaping text', () => {
    expect(render(paragraph(textNode('a < b & '), textNode('bold', 1)))).toBe('<p>a &lt; b &amp; <strong>bold</strong></p>')
  })

  it('links to a published document by its public path and prints a link to anything else as text', () => {
    const html = render(paragraph(internalLink('posts', 1, 'live post'), textNode(' / '), internalLink('pages', { id: 2, slug: 'draft-slug', title: 'Draft title' }, 'draft')))
    expect(html).toBe('<p><a href="/blog/live">live post</a> / draft</p>')
  })

  it('neutralises script addresses in external links and buttons', () => {
    const external: LexicalNode = { type: 'link', version: 3, fields: { linkType: 'custom', url: 'javascript:alert(1)', newTab: true }, children: [textNode('x')] }
    expect(render(paragraph(external))).toContain('href="#"')
    const cta = render(block({ blockType: 'cta', heading: 'Order', buttonLabel: 'Go', buttonUrl: 'javascript:alert(1)' }))
    expect(cta).toContain('<a class="button" href="#">Go</a>')
  })

  it('escapes every field of every block', () => {
    const evil = '<script>alert(1)</script>'
    const html = render(
      block({ blockType: 'faq', heading: evil, items: [{ question: evil, answer: `line 1\n${evil}` }] }),
      block({ blockType: 'cta', heading: evil, text: evil, buttonLabel: evil, buttonUrl: '/order?a="b"' }),
      block({ blockType: 'pricingTable', heading: evil, note: evil }),
      block({ blockType: 'testimonials', heading: evil, items: [{ quote: evil, author: evil, role: evil }] }),
      block({ blockType: 'comparisonTable', heading: evil, columns: [evil], rows: [{ label: evil, values: [evil] }] }),
      block({ blockType: 'featureGrid', heading: evil, features: [{ title: evil, text: evil }] }),
      block({ blockType: 'imageWithCaption', image: 5, caption: evil }),
    )
    expect(html).not.toContain('<script>')
    expect(html.match(/&lt;script&gt;/g)).toHaveLength(20)
    expect(html).toContain('href="/order?a=&quot;b&quot;"')
    expect(html).toContain('line 1<br>&lt;script&gt;')
  })

  it('renders each block as plain, class-named markup', () => {
    expect(render(block({ blockType: 'faq', heading: 'FAQ', items: [{ question: 'Q?', answer: 'A.' }] }))).toBe(
      '<section class="block block-faq"><h2>FAQ</h2><dl><dt>Q?</dt><dd>A.</dd></dl></section>',
    )
    expect(render(block({ blockType: 'pricingTable', heading: 'Prices', paperTypes: [] }))).toBe(
      '<section class="block block-pricing-table"><h2>Prices</h2><table><thead><tr><th scope="col">Paper type</th><th scope="col">Price per page</th></tr></thead><tbody>' +
        '<tr><th scope="row">Essay</th><td data-amount="1299" data-currency="USD">from $12.99</td></tr>' +
        '<tr><th scope="row">Thesis &lt;PhD&gt;</th><td data-amount="2050" data-currency="USD">from $20.50</td></tr></tbody></table></section>',
    )
    expect(render(block({ blockType: 'testimonials', items: [{ quote: 'Great', author: 'Ann', role: 'Student' }] }))).toBe(
      '<section class="block block-testimonials"><figure><blockquote>Great</blockquote><figcaption>Ann, <span class="role">Student</span></figcaption></figure></section>',
    )
    expect(render(block({ blockType: 'comparisonTable', columns: ['Us', 'Them'], rows: [{ label: 'Price', values: ['Low', 'High'] }] }))).toBe(
      '<section class="block block-comparison-table"><table><thead><tr><td></td><th scope="col">Us</th><th scope="col">Them</th></tr></thead><tbody><tr><th scope="row">Price</th><td>Low</td><td>High</td></tr></tbody></table></section>',
    )
    expect(render(block({ blockType: 'featureGrid', features: [{ title: 'Fast' }] }))).toBe('<section class="block block-feature-grid"><ul><li><h3>Fast</h3></li></ul></section>')
    expect(render(block({ blockType: 'imageWithCaption', image: 5, caption: 'Figure 1' }))).toBe(
      '<figure class="block block-image-with-caption"><img src="/api/media/file/a.png" alt="Chart &quot;2026&quot; &lt;b&gt;" width="640" height="480" loading="lazy"><figcaption>Figure 1</figcaption></figure>',
    )
  })

  it('drops images the reader may not see and nodes it does not know', () => {
    expect(render(block({ blockType: 'imageWithCaption', image: 6, caption: 'hidden' }))).toBe('')
    expect(render({ type: 'upload', version: 3, relationTo: 'media', value: 6, fields: null })).toBe('')
    expect(render({ type: 'mystery', version: 1 }, block({ blockType: 'unknownBlock' }))).toBe('')
  })

  it('is empty for an empty body', () => {
    expect(bodyHtml(null)).toBe('')
    expect(bodyHtml(state())).toBe('')
  })
})
