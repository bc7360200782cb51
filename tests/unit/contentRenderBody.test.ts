import { describe, expect, it } from 'vitest'

import type { LexicalNode, LexicalState } from '@/domain/content/lexical'
import { bodyReferences, faqItems, type LinkTarget, type MediaView, publicBody, type Resolved } from '@/domain/content/render/body'
import { fromPricesPerPage } from '@/domain/content/render/fromPrices'
import { toBasisPoints } from '@/domain/money'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import { priceOrder } from '@/domain/pricing/priceOrder'
import type { PricingConfig } from '@/domain/pricing/types'

const textNode = (text: string): LexicalNode => ({ type: 'text', text, format: 0, version: 1 })
const paragraph = (...children: LexicalNode[]): LexicalNode => ({ type: 'paragraph', version: 1, children })
const link = (relationTo: string, value: unknown, text: string): LexicalNode => ({
  type: 'link',
  version: 3,
  fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
  children: [textNode(text)],
})
const block = (fields: Record<string, unknown>): LexicalNode => ({ type: 'block', version: 2, fields })
const state = (...children: LexicalNode[]): LexicalState => ({ root: { type: 'root', version: 1, children } })

const published: LinkTarget = { id: 7, slug: 'live-page', title: 'Live page', path: '/services/live-page' }
const photo: MediaView = { id: 3, url: '/api/media/file/photo.jpg', alt: 'A photo', width: 800, height: 600, mimeType: 'image/jpeg' }
const resolved: Resolved = {
  link: (collection, id) => (collection === 'pages' && id === 7 ? published : null),
  media: (id) => (id === 3 ? photo : null),
  prices: (paperTypes) => [{ paperType: paperTypes[0] ?? 'essay', label: 'Essay', from: 1299, currency: 'USD', formatted: '$12.99' }],
  url: (raw) => (raw.startsWith('javascript:') ? '#' : raw),
}

const body = state(
  paragraph(textNode('See '), link('pages', 7, 'our service'), textNode(' and '), link('pages', { id: 9, slug: 'secret-draft', title: 'Secret' }, 'the draft'), textNode('.')),
  paragraph(link('posts', 12, 'an old post')),
  { type: 'upload', version: 3, relationTo: 'media', value: 3, fields: null },
  { type: 'upload', version: 3, relationTo: 'media', value: 99, fields: null },
  block({ blockType: 'imageWithCaption', image: 3, caption: 'Shown' }),
  block({ blockType: 'imageWithCaption', image: 98, caption: 'Hidden' }),
  block({ blockType: 'pricingTable', paperTypes: ['essay'] }),
  block({ blockType: 'faq', items: [{ question: 'How fast?', answer: 'In 3 hours.' }, { question: ' ', answer: 'skipped' }] }),
)

describe('bodyReferences', () => {
  it('lists linked posts and pages, media and pricing tables once each', () => {
    expect(bodyReferences(body)).toEqual({ posts: [12], pages: [7, 9], media: [3, 99, 98], pricingTables: 1 })
  })
  it('is empty for an empty body', () => {
    expect(bodyReferences(null)).toEqual({ posts: [], pages: [], media: [], pricingTables: 0 })
  })
})

describe('publicBody', () => {
  const result = publicBody(body, resolved)!.root!
  const [first, second] = result.children!
  it('gives a link to a published document its public face and path', () => {
    const live = first!.children![1]!
    expect(live.type).toBe('link')
    expect(live.fields).toMatchObject({ url: '/services/live-page', doc: { relationTo: 'pages', value: published } })
  })
  it('unwraps a link to a document that is not published into its text, leaking nothing of it', () => {
    expect(first!.children!.map((c) => c.type)).toEqual(['text', 'link', 'text', 'text', 'text'])
    expect(first!.children![3]).toEqual(textNode('the draft'))
    expect(second!.children).toEqual([textNode('an old post')])
    const json = JSON.stringify(result)
    expect(json).not.toContain('secret-draft')
    expect(json).not.toContain('Secret')
    expect(json).not.toMatch(/"value":(9|12)\b/)
  })
  it('puts the media into images and drops those the reader may not see', () => {
    const uploads = result.children!.filter((c) => c.type === 'upload')
    expect(uploads).toHaveLength(1)
    expect(uploads[0]!.value).toEqual(photo)
    const images = result.children!.filter((c) => c.fields?.blockType === 'imageWithCaption')
    expect(images).toHaveLength(1)
    expect(images[0]!.fields).toMatchObject({ image: photo, caption: 'Shown' })
  })
  it('fills pricing tables with the live prices', () => {
    const table = result.children!.find((c) => c.fields?.blockType === 'pricingTable')!
    expect(table.fields!.prices).toEqual([{ paperType: 'essay', label: 'Essay', from: 1299, currency: 'USD', formatted: '$12.99' }])
  })
  it('drops blocks’ own ids, which Payload makes up afresh on reads of a block stored without one', () => {
    const withId = publicBody(state(block({ id: 'abc', blockType: 'faq', items: [{ id: 'row1', question: 'Q', answer: 'A' }] })), resolved)!.root!.children![0]!
    expect(withId.fields).toEqual({ blockType: 'faq', items: [{ id: 'row1', question: 'Q', answer: 'A' }] })
  })
  it('makes typed addresses safe in the JSON too (external links, buttons)', () => {
    const external: LexicalNode = { type: 'link', version: 3, fields: { linkType: 'custom', url: 'javascript:alert(1)' }, children: [textNode('x')] }
    const safe = publicBody(state(paragraph(external), block({ blockType: 'cta', heading: 'Go', buttonLabel: 'Go', buttonUrl: 'javascript:alert(2)' })), resolved)!.root!.children!
    expect(safe[0]!.children![0]!.fields!.url).toBe('#')
    expect(safe[1]!.fields!.buttonUrl).toBe('#')
  })
  it('leaves the stored body unchanged', () => {
    expect((body!.root!.children![0]!.children![1]!.fields as { url?: string }).url).toBeUndefined()
  })
})

describe('faqItems', () => {
  it('collects the questions with an answer, trimmed, in order', () => {
    expect(faqItems(body)).toEqual([{ question: 'How fast?', answer: 'In 3 hours.' }])
    expect(faqItems(state(paragraph(textNode('no faq'))))).toEqual([])
  })
})

describe('fromPricesPerPage', () => {
  const config = defaultPricingConfig()
  const cheapestPage = (c: PricingConfig, paperType: string) => {
    // The slow way: every combination of the dimensions the "from" price ranges over.
    let best = Infinity
    for (const spacing of ['single', 'double'] as const)
      for (const workType of c.workTypes.filter((o) => o.active))
        for (const academicLevel of c.academicLevels.filter((o) => o.active))
          for (const subject of c.subjects.filter((o) => o.active))
            for (const band of c.deadlineBands.filter((o) => o.active)) {
              const r = priceOrder(c, { pages: 1, spacing, deadlineHours: band.maxHours, paperType, workType: workType.code, academicLevel: academicLevel.code, subject: subject.code })
              if (!r.ok) continue
              const floor = r.quote.lines.find((l) => l.type === 'minimum')?.amount ?? 0
              best = Math.min(best, r.quote.total - floor)
            }
    return best
  }

  it('is the lowest page price of each paper type over every other choice', () => {
    const prices = fromPricesPerPage(config)
    expect(prices.map((p) => p.paperType)).toEqual(config.paperTypes.filter((p) => p.active).map((p) => p.code))
    for (const price of prices.slice(0, 4)) expect(price.from).toBe(cheapestPage(config, price.paperType))
  })
  it('keeps only the paper types asked for, in the price list’s order', () => {
    expect(fromPricesPerPage(config, ['thesis', 'essay']).map((p) => p.paperType)).toEqual(['essay', 'thesis'])
    expect(fromPricesPerPage(config, ['unknown'])).toEqual([])
  })
  it('follows the price list: a dearer base price or an inactive paper type shows at once', () => {
    const essay = fromPricesPerPage(config, ['essay'])[0]!.from
    expect(fromPricesPerPage({ ...config, basePerPage: config.basePerPage * 2 }, ['essay'])[0]!.from).toBeGreaterThan(essay)
    const inactive = { ...config, paperTypes: config.paperTypes.map((p) => (p.code === 'essay' ? { ...p, active: false } : p)) }
    expect(fromPricesPerPage(inactive, ['essay'])).toEqual([])
  })
  it('ignores the minimum charge, which floors orders, not pages', () => {
    const essay = fromPricesPerPage(config, ['essay'])[0]!.from
    expect(fromPricesPerPage({ ...config, minimumCharge: 100_000 }, ['essay'])[0]!.from).toBe(essay)
  })
  it('takes a subject’s own multiplier over its category’s', () => {
    const cheapSubject = { ...config, subjects: config.subjects.map((s, i) => (i === 0 ? { ...s, customMultiplier: toBasisPoints(0.5) } : s)) }
    expect(fromPricesPerPage(cheapSubject, ['essay'])[0]!.from).toBeLessThan(fromPricesPerPage(config, ['essay'])[0]!.from)
  })
  it('is empty when a dimension has no active choice', () => {
    expect(fromPricesPerPage({ ...config, deadlineBands: config.deadlineBands.map((b) => ({ ...b, active: false })) })).toEqual([])
  })
})
