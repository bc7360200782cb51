import fc from 'fast-check'
import { ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import { prepublishProblems } from '@/domain/content/prepublish'
import { isPreviewPattern, previewUrl } from '@/domain/content/preview'
import { defaultMetaDescription, defaultMetaTitle } from '@/domain/content/seo'
import { answerTakenSlug } from '@/collections/content/hooks/answerTakenSlug'
import { MAX_SLUG_LENGTH, SLUG_TAKEN_MESSAGE, slugify, slugProblem } from '@/domain/content/slug'

import { internalLink, lexicalBody, para, paragraph } from '../helpers/lexical'

describe('slugify', () => {
  it('makes ASCII lower-case slugs with single dashes', () => {
    expect(slugify('How to Write an APA Paper')).toBe('how-to-write-an-apa-paper')
    expect(slugify('  Écrire: un guide & des astuces!  ')).toBe('ecrire-un-guide-and-des-astuces')
    expect(slugify("Students' top 10 tips -- 2026")).toBe('students-top-10-tips-2026')
    expect(slugify('¿?!')).toBe('')
  })

  it('cuts long titles at a dash, within the limit', () => {
    const slug = slugify('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug.endsWith('word')).toBe(true)
  })

  it('always yields a valid slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const slug = slugify(title)
        if (slug !== '') expect(slugProblem(slug) === null || slugProblem(slug)!.includes('reserved')).toBe(true)
      }),
    )
  })
})

describe('slugProblem', () => {
  it('accepts lower-case words joined by dashes', () => {
    expect(slugProblem('apa-guide-2026')).toBeNull()
  })

  it('refuses empty, malformed, too long and reserved slugs with a reason', () => {
    expect(slugProblem('')).toMatch(/required/)
    expect(slugProblem('Upper')).toMatch(/lower-case/)
    expect(slugProblem('double--dash')).toMatch(/single dashes/)
    expect(slugProblem('a'.repeat(MAX_SLUG_LENGTH + 1))).toMatch(/at most 96/)
    expect(slugProblem('admin')).toMatch(/reserved/)
    expect(slugProblem('blog')).toMatch(/reserved/)
    expect(slugProblem('sitemap.xml')).toMatch(/lower-case|reserved/)
  })
})

describe('prepublishProblems', () => {
  const body = lexicalBody(paragraph(internalLink('pages', 1, 'service')))
  const complete = { title: 'T', slug: 't', body, primaryAuthor: 1, primaryService: 2, meta: { description: 'D' } }

  it('finds nothing wrong with a complete post', () => {
    expect(prepublishProblems('posts', complete)).toEqual({ blockers: [], warnings: [] })
  })

  it('blocks a post without title, slug, body or primary author, naming each field', () => {
    const { blockers } = prepublishProblems('posts', { title: ' ', slug: '', body: lexicalBody(paragraph()), primaryAuthor: null })
    expect(blockers.map((b) => b.field)).toEqual(['title', 'slug', 'body', 'primaryAuthor'])
  })

  it('does not need an author or a primary service on a page', () => {
    const { blockers, warnings } = prepublishProblems('pages', { title: 'T', slug: 't', body, meta: { description: 'D' } })
    expect(blockers).toEqual([])
    expect(warnings).toEqual([])
  })

  it('warns about no internal link, no primary service, no meta description', () => {
    const { blockers, warnings } = prepublishProblems('posts', { ...complete, body: lexicalBody(para('x')), primaryService: null, meta: null })
    expect(blockers).toEqual([])
    expect(warnings.map((w) => w.field)).toEqual(['primaryService', 'body', 'meta.description'])
  })
})

describe('preview URLs', () => {
  it('fills the placeholders of the website’s pattern, URL-encoded', () => {
    expect(previewUrl('https://alpha.test/preview/{collection}/{slug}', { collection: 'posts', slug: 'apa-guide', id: 4 })).toBe('https://alpha.test/preview/posts/apa-guide')
    expect(previewUrl('https://alpha.test/p?c={collection}&id={id}', { collection: 'pages', slug: null, id: 9 })).toBe('https://alpha.test/p?c=pages&id=9')
    expect(previewUrl('https://alpha.test/{slug}', { collection: 'posts', slug: 'a b' })).toBe('https://alpha.test/a%20b')
  })

  it('gives none without a pattern, or without the slug the pattern needs', () => {
    expect(previewUrl(null, { collection: 'posts', slug: 'x' })).toBeNull()
    expect(previewUrl('  ', { collection: 'posts', slug: 'x' })).toBeNull()
    expect(previewUrl('https://alpha.test/{slug}', { collection: 'posts', slug: '' })).toBeNull()
  })

  it('accepts http(s) patterns only', () => {
    expect(isPreviewPattern('https://alpha.test/preview/{collection}/{slug}')).toBe(true)
    expect(isPreviewPattern('http://localhost:3000/{id}')).toBe(true)
    expect(isPreviewPattern('javascript:alert(1)')).toBe(false)
    expect(isPreviewPattern('/relative/{slug}')).toBe(false)
  })
})

describe('SEO defaults', () => {
  it('appends the site name to the title while it fits', () => {
    expect(defaultMetaTitle('APA guide', { siteName: 'Alpha Essays' })).toBe('APA guide | Alpha Essays')
    expect(defaultMetaTitle('A'.repeat(55), { siteName: 'Alpha Essays' })).toBe('A'.repeat(55))
    expect(defaultMetaTitle('APA guide', {})).toBe('APA guide')
    expect(defaultMetaTitle('', { siteName: 'Alpha Essays' })).toBe('Alpha Essays')
  })

  it('describes with the teaser, else the website default, within 160 characters', () => {
    expect(defaultMetaDescription('Our teaser.', { defaultMetaDescription: 'Site default.' })).toBe('Our teaser.')
    expect(defaultMetaDescription(null, { defaultMetaDescription: 'Site default.' })).toBe('Site default.')
    expect(defaultMetaDescription('word '.repeat(100), {}).length).toBeLessThanOrEqual(160)
    expect(defaultMetaDescription(null, {})).toBe('')
  })
})

describe('answerTakenSlug', () => {
  const run = (error: Error, graphql = false) =>
    answerTakenSlug({ error, collection: { slug: 'posts' } as never, context: {}, req: {} as never, ...(graphql ? { graphqlResult: { message: 'x' } } : {}) })

  it('answers the compound index’s refusal as a 400 naming slug', () => {
    const raced = new ValidationError({ collection: 'posts', errors: [{ path: 'tenant_id, slug', message: 'Value must be unique' }] })
    expect(run(raced)).toEqual({
      status: 400,
      response: { errors: [{ name: 'ValidationError', message: 'The following field is invalid: slug', data: { collection: 'posts', errors: [{ path: 'slug', message: SLUG_TAKEN_MESSAGE }] } }] },
    })
    expect(run(raced, true)).toMatchObject({ graphqlResult: { extensions: { statusCode: 400, data: { errors: [{ path: 'slug' }] } } } })
  })

  it('leaves other errors alone', () => {
    expect(run(new ValidationError({ collection: 'posts', errors: [{ path: 'title', message: 'Required' }] }))).toBeUndefined()
    expect(run(new Error('boom'))).toBeUndefined()
  })
})
