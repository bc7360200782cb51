import { type ContentCollection, contentPath } from '../paths'

/**
 * PostgreSQL's text search configuration for content: English, for its stemming
 * ("essays" finds "essay", "citing" finds "cite") and stop words, because every website's
 * content is written in English today. 'simple' would match only exact word forms. The
 * generated columns (migration `issue13_content_search`) use the same configuration;
 * changing it means regenerating them.
 */
export const SEARCH_CONFIG = 'english'

/** Longest query accepted: enough for a question, short enough to bound the parser's work. */
export const SEARCH_QUERY_MAX = 200
export const SEARCH_LIMIT_DEFAULT = 10
export const SEARCH_LIMIT_MAX = 50
/** Deepest page: ranking every hit to skip thousands of them is work no reader needs. */
export const SEARCH_PAGE_MAX = 100

/**
 * ts_headline's options: hits wrapped in `<mark>`, up to two fragments of about 15–35
 * words each joined by an ellipsis (a reader sees where the words occur, not the start).
 */
export const HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'

export type SearchRow = { collection: ContentCollection; title: string; slug: string; template: string | null; snippet: string; rank: number }

export type SearchHit = { collection: ContentCollection; title: string; slug: string; path: string; snippet: string; rank: number }

export type SearchAnswer = { q: string; docs: SearchHit[]; page: number; limit: number; totalDocs: number; hasNextPage: boolean }

/** The public answer from one page of ranked rows: each hit with its path on the website. */
export const searchAnswer = (query: { q: string; page: number; limit: number }, rows: readonly SearchRow[], totalDocs: number): SearchAnswer => ({
  q: query.q,
  docs: rows.map((row) => ({
    collection: row.collection,
    title: row.title,
    slug: row.slug,
    path: contentPath(row.collection, row),
    snippet: row.snippet,
    rank: row.rank,
  })),
  page: query.page,
  limit: query.limit,
  totalDocs,
  hasNextPage: query.page * query.limit < totalDocs,
})
