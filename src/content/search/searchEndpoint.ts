import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { requestVariant } from '@/content/http/answerCache'
import { servePublicContent } from '@/content/public/serve'
import { controlCharacterIn } from '@/domain/input/controlCharacters'
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX } from '@/domain/content/search/search'
import { parseQuery } from '@/endpoints/parseQuery'

import { searchContent } from './searchContent'

const whole = (description: string, max: number, fallback: number) =>
  z.coerce
    .number({ error: `A whole number from 1 to ${max}.` })
    .int(`A whole number from 1 to ${max}.`)
    .min(1, `A whole number from 1 to ${max}.`)
    .max(max, `At most ${max}.`)
    .default(fallback)
    .describe(description)

export const searchQuery = z.object({
  q: z
    .string({ error: 'Required: the words to search for.' })
    .trim()
    .min(1, 'Required: the words to search for.')
    .max(SEARCH_QUERY_MAX, `At most ${SEARCH_QUERY_MAX} characters.`)
    // PostgreSQL refuses NUL in text (a 500 if it got there); the other controls are refused everywhere alike.
    .superRefine((q, ctx) => {
      const problem = controlCharacterIn(q, 'q')
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message })
    })
    .describe('Words to find (web-search syntax: "a phrase", -excluded, or).'),
  page: whole('The page of hits, from 1.', SEARCH_PAGE_MAX, 1),
  limit: whole('Hits per page.', SEARCH_LIMIT_MAX, SEARCH_LIMIT_DEFAULT),
})

export const searchAnswerSchema = z.object({
  q: z.string().describe('The query as searched (trimmed).'),
  docs: z.array(
    z.object({
      collection: z.enum(['posts', 'pages']),
      title: z.string(),
      slug: z.string(),
      path: z.string().describe('Where the document lives on the website: `/blog/<slug>`, `/services/<slug>` or `/<slug>`.'),
      snippet: z.string().describe('HTML: the text around the hits, escaped, with each hit in `<mark>`.'),
      rank: z.number().describe('Relevance (PostgreSQL `ts_rank_cd`): higher is better; hits come best first.'),
    }),
  ),
  page: z.number().int(),
  limit: z.number().int(),
  totalDocs: z.number().int(),
  hasNextPage: z.boolean(),
})

/** GET /api/public/search?q= — full-text search of a website's published posts and pages. */
export const searchEndpoint: Endpoint = documented(
  {
    path: '/public/search',
    method: 'get',
    handler: (req) => {
      const query = parseQuery(req, searchQuery)
      return servePublicContent(req, 'content search', requestVariant(req, searchQuery), async (website) => ({ body: JSON.stringify(await searchContent(req, website.id, query)) }))
    },
  },
  {
    summary: 'Search the website’s published posts and pages',
    description: [
      'Anyone (no login), by the request’s website (`Host` or `X-Tenant`): published posts and pages whose title, excerpt or summary, meta description or text match `q`, best first (title counts most, then excerpt and description, then text). English word forms match each other ("essays" finds "essay"). Drafts, unpublished changes and other websites’ content are never searched, whoever asks.',
      'Cacheable: `ETag`, `Cache-Control` and `Vary: Host, X-Tenant`; `If-None-Match` with the current tag gets **304**. The server keeps the answer up to 60 s and drops it at once when a post or page of the website changes.',
      '**400** naming `q` when it is missing, empty or longer than 200 characters (or `page`, `limit` when out of range); **404** naming the unknown host or website.',
    ].join('\n\n'),
    tags: ['content'],
    auth: 'none',
    query: searchQuery,
    cacheable: true,
    responses: { 200: searchAnswerSchema },
    errors: [404],
  },
)
