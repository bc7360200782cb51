import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { HEADLINE_OPTIONS, SEARCH_CONFIG, type SearchAnswer, searchAnswer, type SearchRow } from '@/domain/content/search/search'

type Row = Omit<SearchRow, 'rank'> & { total: number; rank: number | null; id: number | null }

/**
 * One page of the published posts and pages of a website that match `q` (web-search
 * syntax: words, "quoted phrases", -excluded, or), best first, with highlighted snippets.
 *
 * Reads the main tables, which hold each document's latest published state: a draft saved
 * after publishing lives only in the versions table, and a document never published (or
 * unpublished) has `_status = 'draft'` here. Ranking uses the generated, GIN-indexed
 * `search_vector` (title A, excerpt/summary and meta description B, body text C). Snippets
 * are made only for the page's rows (ts_headline re-parses the text): from the body, or
 * from the excerpt/summary when only it matches, with `&`, `<` and `>` escaped first, so
 * the only markup in a snippet is the `<mark>` around hits.
 * One statement answers the page and the total, so an empty page still knows the total.
 */
export const searchContent = async (req: PayloadRequest, tenantId: number, query: { q: string; page: number; limit: number }): Promise<SearchAnswer> => {
  const offset = (query.page - 1) * query.limit
  const rows = await execute<Row>(
    req,
    sql`
      WITH query AS (SELECT websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${query.q}) AS tsq),
      hits AS (
        SELECT 'posts' AS collection, p.id, p.title, p.slug, NULL::text AS template,
               ts_rank_cd(p.search_vector, query.tsq) AS rank,
               coalesce(p.plain_text, '') AS body_text, coalesce(p.excerpt, '') AS lead
          FROM posts p, query
         WHERE p.tenant_id = ${tenantId} AND p._status = 'published' AND p.search_vector @@ query.tsq
        UNION ALL
        SELECT 'pages', g.id, g.title, g.slug, g.template::text,
               ts_rank_cd(g.search_vector, query.tsq),
               coalesce(g.plain_text, ''), coalesce(g.summary, '')
          FROM pages g, query
         WHERE g.tenant_id = ${tenantId} AND g._status = 'published' AND g.search_vector @@ query.tsq
      ),
      page AS (SELECT * FROM hits ORDER BY rank DESC, collection, id LIMIT ${query.limit} OFFSET ${offset}),
      snippets AS (
        SELECT page.*, query.tsq, CASE WHEN page.lead <> '' AND NOT to_tsvector(${SEARCH_CONFIG}::regconfig, page.body_text) @@ query.tsq THEN page.lead ELSE page.body_text END AS source
          FROM page, query
      )
      SELECT total.n AS total, s.collection, s.id, s.title, s.slug, s.template, s.rank,
             ts_headline(${SEARCH_CONFIG}::regconfig,
                         replace(replace(replace(s.source, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                         s.tsq, ${HEADLINE_OPTIONS}) AS snippet
        FROM (SELECT count(*)::int AS n FROM hits) total
        LEFT JOIN snippets s ON true
       ORDER BY s.rank DESC, s.collection, s.id
    `,
  )
  const total = rows[0]?.total ?? 0
  const found = rows.filter((row): row is Row & { rank: number } => row.id !== null && row.rank !== null)
  return searchAnswer(query, found, total)
}
