import { describe, expect, it } from 'vitest'

import { searchAnswer } from '@/domain/content/search/search'

describe('search answer', () => {
  const rows = [
    { collection: 'posts' as const, title: 'APA guide', slug: 'apa', template: null, snippet: 'the <mark>apa</mark> style', rank: 0.5 },
    { collection: 'pages' as const, title: 'Essays', slug: 'essays', template: 'essay', snippet: '', rank: 0.2 },
    { collection: 'pages' as const, title: 'About', slug: 'about', template: 'static', snippet: '', rank: 0.1 },
  ]

  it('gives each hit its path on the website and keeps the order of the rows', () => {
    const answer = searchAnswer({ q: 'apa', page: 1, limit: 10 }, rows, 3)
    expect(answer.docs.map((d) => d.path)).toEqual(['/blog/apa', '/services/essays', '/about'])
    expect(answer.docs[0]).toEqual({ collection: 'posts', title: 'APA guide', slug: 'apa', path: '/blog/apa', snippet: 'the <mark>apa</mark> style', rank: 0.5 })
    expect(answer).toMatchObject({ q: 'apa', page: 1, limit: 10, totalDocs: 3, hasNextPage: false })
  })

  it('has a next page while hits remain beyond this one', () => {
    expect(searchAnswer({ q: 'x', page: 1, limit: 2 }, rows.slice(0, 2), 3).hasNextPage).toBe(true)
    expect(searchAnswer({ q: 'x', page: 2, limit: 2 }, rows.slice(2), 3).hasNextPage).toBe(false)
    expect(searchAnswer({ q: 'x', page: 3, limit: 2 }, [], 4).hasNextPage).toBe(false)
    expect(searchAnswer({ q: 'x', page: 1, limit: 2 }, [], 0)).toMatchObject({ docs: [], totalDocs: 0, hasNextPage: false })
  })
})
