import type { PayloadRequest } from 'payload'

import { actorOf, hasRole, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { orderNotReviewable, reviewInput } from '@/domain/reviews/rules'
import { ClientError, refuseField } from '@/errors'
import { enqueue } from '@/jobs/enqueue'
import type { Review } from '@/payload-types'

import { toValidationError } from '../toValidationError'
import { websiteFeature } from '../websiteFeature'

type ReviewData = Partial<Review> & Record<string, unknown>
type Ref = number | { id: number } | null | undefined

const refuse = (path: string, message: string, status: 403 | 404 | 409) => refuseField('reviews', path, message, status)
/** A business rule refuses (422), naming the field it is about. */
const ruleRefuses = (path: string, message: string) => new ClientError(message, 422, { errors: [{ path, message }] })

/** The platform's own reviews (seed, fixtures: no user) arrive complete; the order decides the kind, client and writer when it is given. */
const completeOwnReview = async (req: PayloadRequest, data: ReviewData): Promise<ReviewData> => {
  const orderId = idOf(data.order as Ref)
  if (!orderId) return { ...data, kind: 'website', order: null, writer: null, writerRating: null }
  const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { client: true, writer: true } })
  return { ...data, kind: 'order', client: data.client ?? idOf(order.client) ?? undefined, writer: data.writer ?? idOf(order.writer) }
}

/**
 * A client's new review, checked and completed (the `reviews` create's beforeValidate):
 * the input by its rules (400 naming the field and the rule), a rating of the writer only
 * where the website takes them (`allowWriterFeedback`, else 422); an order review on an order
 * of theirs on this website (404 otherwise) that is completed, or archived within 60 days
 * of completion (422), and not reviewed yet (409: one review per order, checked under the
 * order's row lock, so two at once cannot both pass); a website review from a client with
 * a completed order there, one per client unless the earlier one was rejected (409).
 * The server decides the kind, client, writer and status (pending moderation).
 */
export const prepareReview = async (req: PayloadRequest, data: ReviewData, now = new Date()): Promise<ReviewData> => {
  const actor = actorOf(req)
  if (!actor) return completeOwnReview(req, data)
  if (!hasRole(actor, 'client')) throw new ClientError('Only clients write reviews.', 403)
  const tenant = idOf(data.tenant as Ref)
  if (!tenant || !actor.tenantIds.includes(tenant)) throw refuse('tenant', 'tenant: review on your own website.', 403)
  // The order as sent: an id, or a populated order's id; anything else is for the rules to refuse.
  const order: unknown = data.order && typeof data.order === 'object' && 'id' in data.order ? data.order.id : data.order
  const parsed = reviewInput.safeParse({ order, rating: data.rating, writerRating: data.writerRating, text: data.text })
  if (!parsed.success) throw toValidationError(parsed.error, 'reviews', req)
  const input = parsed.data
  if (input.writerRating != null && !(await websiteFeature(req, tenant, 'allowWriterFeedback'))) {
    throw ruleRefuses('writerRating', 'writerRating: this website does not take ratings of its writers.')
  }
  const base = { tenant, client: actor.id, rating: input.rating, text: input.text, status: 'pending' as const }

  if (input.order != null) {
    const locked = await lockRow(req, 'orders', input.order, { tenant })
    const order = locked ? await req.payload.findByID({ collection: 'orders', id: input.order, depth: 0, ...asSystem(proofOf(req)), req, select: { client: true, writer: true, status: true, timestamps: true } }) : null
    if (!order || idOf(order.client) !== actor.id) throw refuse('order', 'order: not an order of yours on this website.', 404)
    const refused = orderNotReviewable({ status: order.status, completedAt: order.timestamps?.completedAt ? new Date(order.timestamps.completedAt) : null }, now)
    if (refused) throw ruleRefuses('order', `order: ${refused}`)
    const { totalDocs } = await req.payload.count({ collection: 'reviews', where: { order: { equals: order.id } }, ...asSystem(proofOf(req)), req })
    if (totalDocs > 0) throw refuse('order', 'order: this order has been reviewed already (one review per order).', 409)
    return { ...base, kind: 'order', order: order.id, writer: idOf(order.writer), writerRating: input.writerRating ?? null }
  }

  // A review of the website: one per client (a rejected one may be written again), from someone who has had an order done here.
  await lockRow(req, 'users', actor.id)
  const [done] = await execute<{ n: string }>(
    req,
    sql`SELECT COUNT(*) AS n FROM orders WHERE tenant_id = ${tenant} AND client_id = ${actor.id} AND status::text IN ('completed', 'archived')`,
  )
  if (Number(done?.n ?? 0) === 0) throw ruleRefuses('order', 'order: a review of the website comes from a client with a completed order here.')
  const { totalDocs } = await req.payload.count({
    collection: 'reviews',
    where: { and: [{ tenant: { equals: tenant } }, { client: { equals: actor.id } }, { kind: { equals: 'website' } }, { status: { not_equals: 'rejected' } }] },
    ...asSystem(proofOf(req)),
    req,
  })
  if (totalDocs > 0) throw refuse('kind', 'kind: you have reviewed this website already (one review of the website per client).', 409)
  return { ...base, kind: 'website', order: null, writer: null, writerRating: null }
}

/**
 * A new review waits for moderation: the website's staff hear of it live (`reviews.created`),
 * in the create's transaction (the reviews create's afterChange).
 */
export const announceReview = async (req: PayloadRequest, review: Review): Promise<Review> => {
  const tenant = idOf(review.tenant)
  if (tenant && review.status === 'pending') {
    await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: 'reviews.created', data: { id: review.id, kind: review.kind, rating: review.rating } } })
  }
  return review
}
