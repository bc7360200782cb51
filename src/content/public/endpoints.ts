import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import type { Tenant } from '@/payload-types'
import { parseQuery } from '@/endpoints/parseQuery'
import { requestVariant } from '@/content/http/answerCache'

import { publicPage } from './pages'
import { type Found, listPublicPosts, publicPost } from './posts'
import { pageFull, postFull, postListAnswer, postListQuery, slugParams } from './schemas'
import { publicReviewsEndpoint } from './reviews'
import { servePublicContent } from './serve'

const CACHING = [
  'Anyone (no login), for the request’s website (`Host` or `X-Tenant`); a signed-in caller gets the same answer as everyone. Published documents only.',
  'Every answer has a strong `ETag` (a hash of the body), `Cache-Control: public, max-age=60, stale-while-revalidate=300` and `Vary: Host, X-Tenant`; send the tag back in `If-None-Match` to get **304** without a body while nothing changed.',
  'The server keeps each answer up to 60 s and drops it the moment anything it shows changes (a publish, an edit, a moderated review, the website’s settings), so a read after a change sees it; a repeated read or a 304 then costs no database work.',
].join('\n\n')

const slugOf = (req: PayloadRequest): string => String((req.routeParams as { slug?: unknown } | undefined)?.slug ?? '')

const answer = <T>(result: Found<T>, key: 'post' | 'page') => ('movedTo' in result ? result : { body: JSON.stringify({ [key]: result.found }) })

const moved = { contentType: 'application/json', description: 'The slug is an old one: `Location` names the document’s current address.' }

/** GET /api/public/posts — the website's published posts, newest first, filtered and paged. */
const listPostsEndpoint: Endpoint = documented(
  {
    path: '/public/posts',
    method: 'get',
    handler: (req) =>
      servePublicContent(req, 'public posts', requestVariant(req, postListQuery), async (website) => {
        const query = parseQuery(req, postListQuery)
        return { body: JSON.stringify(await listPublicPosts(req, website, query)) }
      }),
  },
  {
    summary: 'Published posts of the website',
    description: [
      CACHING,
      'Newest `publishedAt` first, as cards (no body). Filter by the slug of a `category`, a `tag` or an `author` (primary author or contributor); a slug that names nothing lists nothing. `limit` is 1–50 (default 10).',
      '**400** naming `page` or `limit` when it is not a whole number in range, **404** naming the unknown host or website.',
    ].join('\n\n'),
    tags: ['content'],
    auth: 'none',
    query: postListQuery,
    cacheable: true,
    responses: { 200: postListAnswer },
    errors: [400, 404],
  },
)

/**
 * GET /api/public/<kind>s/:slug — one published document by slug, rendered; an old
 * slug answers 301 to the current one.
 */
const bySlugEndpoint = <T>(kind: 'post' | 'page', load: (req: PayloadRequest, website: Tenant, slug: string) => Promise<Found<T>>, answerSchema: z.ZodType, summary: string, description: string): Endpoint =>
  documented(
    {
      path: `/public/${kind}s/:slug`,
      method: 'get',
      handler: (req) => servePublicContent(req, `public ${kind}`, requestVariant(req), async (website) => answer(await load(req, website, slugOf(req)), kind)),
    },
    {
      summary,
      description: [CACHING, description, `**301** to the current address when the slug is an old one, **404** when no published ${kind} has it or the website is unknown.`].join('\n\n'),
      tags: ['content'],
      auth: 'none',
      params: slugParams,
      cacheable: true,
      responses: { 200: z.object({ [kind]: answerSchema }), 301: moved },
      errors: [404],
    },
  )

const postEndpoint = bySlugEndpoint(
  'post',
  publicPost,
  postFull,
  'A published post',
  'The post with its body as Lexical JSON and as HTML, its authors, SEO fields (falling back to the website’s defaults; canonical on its primary domain) and JSON-LD (BlogPosting; FAQPage when it has a FAQ block). Links to unpublished documents are plain text.',
)

const pageEndpoint = bySlugEndpoint(
  'page',
  publicPage,
  pageFull,
  'A published page',
  'The page with its body as Lexical JSON and as HTML, SEO fields and JSON-LD (Service for service templates, with the lowest price its pricing tables show; FAQPage when it has a FAQ block). Pricing tables carry the website’s live "from" prices per paper type.',
)

/** The public content read API (issue 13), registered on the config's root endpoints. */
export const publicContentEndpoints: Endpoint[] = [listPostsEndpoint, postEndpoint, pageEndpoint, publicReviewsEndpoint]
