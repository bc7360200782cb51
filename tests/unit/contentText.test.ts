import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { internalLinkCount, lexicalIsEmpty, lexicalLeadText, lexicalPlainText, lexicalReferences } from '@/domain/content/lexical'
import { defaultExcerpt, readingTime, wordCount } from '@/domain/content/text'

import { blockNode, internalLink, lexicalBody, para, paragraph, textNode } from '../helpers/lexical'

describe('lexicalPlainText', () => {
  it('puts paragraphs on their own lines and keeps inline text together', () => {
    const body = lexicalBody(para('First paragraph.'), paragraph(textNode('Read the '), internalLink('posts', 3, 'APA guide'), textNode(' first.')))
    expect(lexicalPlainText(body)).toBe('First paragraph.\nRead the APA guide first.')
  })

  it('includes the prose of blocks but not their addresses, ids or media', () => {
    const body = lexicalBody(
      blockNode({ id: 'b1', blockType: 'faq', blockName: '', heading: 'FAQ', items: [{ id: 'i1', question: 'Why?', answer: 'Because.' }] }),
      blockNode({ id: 'b2', blockType: 'cta', heading: 'Order now', buttonLabel: 'Go', buttonUrl: 'https://alpha.test/order' }),
      blockNode({ id: 'b3', blockType: 'imageWithCaption', image: 7, caption: 'A library' }),
    )
    const text = lexicalPlainText(body)
    expect(text).toBe('FAQ\nWhy?\nBecause.\nOrder now\nGo\nA library')
    expect(text).not.toContain('alpha.test')
    expect(text).not.toContain('b1')
  })

  it('is empty for nothing, null and an empty editor', () => {
    expect(lexicalPlainText(null)).toBe('')
    expect(lexicalPlainText(undefined)).toBe('')
    expect(lexicalPlainText(lexicalBody(paragraph()))).toBe('')
    expect(lexicalIsEmpty(lexicalBody(paragraph()))).toBe(true)
    expect(lexicalIsEmpty(lexicalBody(para('  ')))).toBe(true)
    expect(lexicalIsEmpty(lexicalBody(para('x')))).toBe(false)
    expect(lexicalIsEmpty(lexicalBody(blockNode({ blockType: 'cta' })))).toBe(false)
  })
})

describe('lexicalLeadText', () => {
  const heading = (text: string) => ({ type: 'heading', tag: 'h2', version: 1, children: [textNode(text)] })

  it('takes the running prose for a teaser: headings and blocks do not run into its sentences', () => {
    const body = lexicalBody(
      para('A deadline is a plan waiting to be written down.'),
      heading('Count the working days'),
      blockNode({ id: 'b1', blockType: 'faq', items: [{ id: 'i1', question: 'How long?', answer: 'Three days.' }] }),
      para('Leave the last fifth for revising.'),
    )
    expect(lexicalLeadText(body)).toBe('A deadline is a plan waiting to be written down.\nLeave the last fifth for revising.')
    expect(defaultExcerpt(lexicalLeadText(body))).toBe('A deadline is a plan waiting to be written down. Leave the last fifth for revising.')
  })

  it('falls back to all the text when the body has no paragraphs', () => {
    const body = lexicalBody(heading('Only a heading'), blockNode({ id: 'b1', blockType: 'cta', heading: 'Order now', buttonLabel: 'Go', buttonUrl: 'https://alpha.test/order' }))
    expect(lexicalLeadText(body)).toBe(lexicalPlainText(body))
    expect(lexicalLeadText(null)).toBe('')
  })
})

describe('internalLinkCount', () => {
  it('counts links to posts and pages, not external links or other collections', () => {
    const external = { type: 'link', version: 3, fields: { linkType: 'custom', url: 'https://example.com' }, children: [textNode('x')] }
    const toMedia = { type: 'link', version: 3, fields: { linkType: 'internal', doc: { relationTo: 'media', value: 1 } }, children: [] }
    const body = lexicalBody(paragraph(internalLink('posts', 1, 'a'), external, toMedia), paragraph(internalLink('pages', 2, 'b')))
    expect(internalLinkCount(body)).toBe(2)
    expect(internalLinkCount(lexicalBody(para('none')))).toBe(0)
    expect(internalLinkCount(null)).toBe(0)
  })
})

describe('wordCount and readingTime', () => {
  it('counts words across punctuation, apostrophes and dashes', () => {
    expect(wordCount('')).toBe(0)
    expect(wordCount('Hello, world!')).toBe(2)
    expect(wordCount("It's a well-known fact — 42 times.")).toBe(6)
    expect(wordCount('Ça va très bien')).toBe(4)
  })

  it('reads at 220 words a minute, rounded up, at least one minute', () => {
    expect(readingTime(0)).toBe(1)
    expect(readingTime(220)).toBe(1)
    expect(readingTime(221)).toBe(2)
    expect(readingTime(1100)).toBe(5)
  })
})

describe('defaultExcerpt', () => {
  it('keeps a short text whole, flattened to one line', () => {
    expect(defaultExcerpt('One.\nTwo.')).toBe('One. Two.')
  })

  it('cuts a long text at a word boundary with an ellipsis, within the limit', () => {
    const excerpt = defaultExcerpt('alpha beta gamma delta epsilon', 20)
    expect(excerpt).toBe('alpha beta gamma…')
  })

  it('never exceeds the limit, and ends mid-word only for a word longer than half of it', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 80 }), fc.integer({ min: 20, max: 300 }), (words, max) => {
        const text = words.join(' ')
        const excerpt = defaultExcerpt(text, max)
        expect(excerpt.length).toBeLessThanOrEqual(max)
        if (excerpt.endsWith('…')) {
          const head = excerpt.slice(0, -1)
          expect(text.startsWith(head)).toBe(true)
          const next = text[head.length]
          // Mid-word only when no word boundary lies in the second half of the room.
          if (next !== ' ' && next !== undefined) expect(text.slice(0, max - 1).lastIndexOf(' ')).toBeLessThanOrEqual(max / 2)
        } else expect(excerpt).toBe(text)
      }),
    )
  })
})

describe('lexicalReferences', () => {
  it('lists the posts, pages and media a body points at, each once, populated or not', () => {
    const upload = { type: 'upload', version: 3, relationTo: 'media', value: { id: 5, url: '/x.png' } }
    const body = lexicalBody(
      paragraph(internalLink('posts', 1, 'a'), internalLink('posts', 1, 'again'), internalLink('pages', 2, 'b')),
      upload,
      blockNode({ blockType: 'imageWithCaption', image: 6, caption: 'c' }),
      blockNode({ blockType: 'cta', heading: 'h', buttonLabel: 'l', buttonUrl: '/order' }),
    )
    expect(lexicalReferences(body)).toEqual({ posts: [1], pages: [2], media: [5, 6] })
    expect(lexicalReferences(null)).toEqual({ posts: [], pages: [], media: [] })
  })
})
