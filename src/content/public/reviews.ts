import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { requestVariant } from '@/content/http/answerCache'
import { REVIEW_KINDS } from '@/domain/reviews/rules'
import { QUERY_LIMITS } from '@/domain/query/limits'
import { parseQuery } from '@/endpoints/parseQuery'
import { listPublicReviews } from '@/operations/reviews/public'

import { servePublicContent } from './serve'

/** Largest page of reviews one request may ask for. */
export const MAX_REVIEWS_PER_PAGE = 50

const whole = (rule: string) => z.coerce.number({ error: rule }).int(rule)

export const reviewListQuery = z.object({
  writer: whole('must be a writer’s id (a whole number from 1).').min(1, 'must be a writer’s id (a whole number from 1).').max(2_147_483_647, 'must be a writer’s id.').optional().describe('A writer’s id: only the reviews of their work, and their average.'),
  page: whole('must be a whole number from 1.').min(1, 'must be a whole number from 1.').max(QUERY_LIMITS.maxPage, `is at most ${QUERY_LIMITS.maxPage}.`).default(1),
  limit: whole(`must be a whole number from 1 to ${MAX_REVIEWS_PER_PAGE}.`).min(1, `must be a whole number from 1 to ${MAX_REVIEWS_PER_PAGE}.`).max(MAX_REVIEWS_PER_PAGE, `must be a whole number from 1 to ${MAX_REVIEWS_PER_PAGE}.`).default(10),
})

const stars = z.number().int().min(1).max(5)

export const publicReviewView = z.object({
  id: z.number().int(),
  kind: z.enum(REVIEW_KINDS),
  rating: stars,
  writerRating: stars.nullable(),
  text: z.string(),
  writer: z.object({ id: z.number().int(), penName: z.string().describe('The writer’s pen name; their real name is never shown.') }).nullable().describe('Null for a review of the website.'),
  publishedAt: z.string().describe('When it was approved.'),
})

const reviewListAnswer = z.object({
  reviews: z.array(publicReviewView),
  average: z.number().nullable().describe('Mean stars of every approved review of the set, to two decimals (a writer’s: each review’s writer rating, else its rating); null with none.'),
  count: z.number().int().describe('How many approved reviews the set has.'),
  page: z.number().int(),
  totalPages: z.number().int(),
  limit: z.number().int(),
})

/** GET /api/public/reviews — the website's approved reviews, with their average and count. */
export const publicReviewsEndpoint: Endpoint = documented(
  {
    path: '/public/reviews',
    method: 'get',
    handler: (req) =>
      servePublicContent(req, 'public reviews', requestVariant(req, reviewListQuery), async (website) => {
        const query = parseQuery(req, reviewListQuery)
        return { body: JSON.stringify(await listPublicReviews(req, website.id, query)) }
      }),
  },
  {
    summary: 'Approved reviews of the website',
    description: [
      'Anyone (no login), for the request’s website (`Host` or `X-Tenant`); a signed-in caller gets the same answer as everyone. Only approved reviews, newest first: pending, flagged and rejected ones never appear, nor does who wrote a review. Writers appear by their pen name only.',
      'With `writer`, the reviews of that writer’s work and their average (the same figure as the writer’s `ratingAverage`). Strong `ETag`, `Cache-Control: public, max-age=60, stale-while-revalidate=300`, `Vary: Host, X-Tenant`; `If-None-Match` answers **304**. The server keeps the answer up to 60 s and drops it at once when a review is moderated or a pen name changes.',
      '**400** naming `writer`, `page` or `limit` when it is not a whole number in range, **404** naming the unknown host or website.',
    ].join('\n\n'),
    tags: ['content'],
    auth: 'none',
    query: reviewListQuery,
    cacheable: true,
    responses: { 200: reviewListAnswer },
    errors: [400, 404],
  },
)
