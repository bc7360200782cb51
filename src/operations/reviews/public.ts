import type { PayloadRequest, Where } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { publicWriterName, type ReviewKind } from '@/domain/reviews/rules'
import type { Review } from '@/payload-types'

/** What the public reads of an approved review: the stars, the words, when, and the writer by pen name; never who wrote it or who moderated it. */
export type PublicReview = {
  id: number
  kind: ReviewKind
  rating: number
  writerRating: number | null
  text: string
  writer: { id: number; penName: string } | null
  publishedAt: string
}

const PUBLIC_FIELDS = { kind: true, rating: true, writerRating: true, text: true, writer: true, createdAt: true, moderation: { moderatedAt: true } } as const

/** Pen names of the writers of these reviews, in one query (only the pen name is read). */
const penNames = async (req: PayloadRequest, reviews: readonly Pick<Review, 'writer'>[]): Promise<Map<number, string>> => {
  const ids = [...new Set(reviews.map((r) => idOf(r.writer)).filter((id): id is number => id !== null))]
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, limit: ids.length, depth: 0, ...asSystem(proofOf(req)), req, select: { penName: true } })
  return new Map(docs.map((u) => [u.id, publicWriterName({ id: u.id, penName: u.penName })]))
}

const present = (review: Pick<Review, 'id' | 'kind' | 'rating' | 'writerRating' | 'text' | 'writer' | 'createdAt' | 'moderation'>, names: Map<number, string>): PublicReview => {
  const writer = idOf(review.writer)
  return {
    id: review.id,
    kind: review.kind,
    rating: review.rating,
    writerRating: review.writerRating ?? null,
    text: review.text,
    writer: writer === null ? null : { id: writer, penName: names.get(writer) ?? publicWriterName({ id: writer }) },
    publishedAt: review.moderation?.moderatedAt ?? review.createdAt,
  }
}

const approvedOf = (website: number, writer?: number, minRating?: number): Where => ({
  and: [{ tenant: { equals: website } }, { status: { equals: 'approved' } }, ...(writer ? [{ writer: { equals: writer } }] : []), ...(minRating ? [{ rating: { greater_than_equal: minRating } }] : [])],
})

export type PublicReviewQuery = { writer?: number | undefined; page: number; limit: number }

/**
 * The website's approved reviews, newest first, paged; with `writer`, that writer's. With
 * them the average and count of the whole set: a writer's average counts each review's
 * writer rating (else its rating), as the writer's own rating does; the website's its rating.
 * Read as the platform after the public gate: anonymous visitors may read nothing else of a review.
 */
export const listPublicReviews = async (req: PayloadRequest, website: number, query: PublicReviewQuery) => {
  const found = await req.payload.find({
    collection: 'reviews',
    where: approvedOf(website, query.writer),
    sort: '-createdAt',
    page: query.page,
    limit: query.limit,
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
    select: PUBLIC_FIELDS,
  })
  const names = await penNames(req, found.docs)
  const stars = query.writer ? sql`COALESCE(writer_rating, rating)` : sql`rating`
  const onWriter = query.writer ? sql` AND writer_id = ${query.writer}` : sql``
  const [row] = await execute<{ n: string | number; average: string | number | null }>(
    req,
    sql`SELECT COUNT(*) AS n, ROUND(AVG(${stars})::numeric, 2) AS average FROM reviews WHERE tenant_id = ${website} AND status::text = 'approved'${onWriter}`,
  )
  const count = Number(row?.n ?? 0)
  return {
    reviews: found.docs.map((doc) => present(doc, names)),
    average: count > 0 && row?.average != null ? Number(row.average) : null,
    count,
    page: found.page ?? query.page,
    totalPages: found.totalPages,
    limit: query.limit,
  }
}

/** The website's latest approved reviews of at least `minRating` stars (testimonials), newest first. */
export const latestApprovedReviews = async (req: PayloadRequest, website: number, limit: number, minRating: number): Promise<PublicReview[]> => {
  const { docs } = await req.payload.find({
    collection: 'reviews',
    where: approvedOf(website, undefined, minRating),
    sort: '-createdAt',
    limit,
    pagination: false,
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
    select: PUBLIC_FIELDS,
  })
  const names = await penNames(req, docs)
  return docs.map((doc) => present(doc, names))
}
