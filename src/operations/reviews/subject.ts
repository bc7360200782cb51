import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { REVIEW_WORKFLOW, type ReviewStatus } from '@/domain/reviews/workflow'
import type { Review } from '@/payload-types'

import { notify } from '../notifications/notify'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { recomputeWriterRating } from './ratings'

const lockReview = async (req: PayloadRequest, id: number): Promise<Review> => {
  await lockRow(req, 'reviews', id)
  return req.payload.findByID({ collection: 'reviews', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const TARGET = { approve: 'approved', reject: 'rejected', flag: 'flagged' } as const satisfies Record<string, ReviewStatus>

const orderNumberOf = async (req: PayloadRequest, order: number | null): Promise<string | null> =>
  order ? ((await req.payload.findByID({ collection: 'orders', id: order, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })).number ?? null) : null

/**
 * Reviews' moderation on the one workflow pattern (`docs/reviews.md`): admins and support
 * approve, reject or flag (reasons required for the last two). An approval makes the
 * review public, recomputes its writer's rating in the same transaction and tells the
 * writer (`review.received`) and the client (`review.approved`); a rejection tells the
 * client why (`review.rejected`). Rejecting or flagging an approved review takes it down
 * and recomputes the rating the same way. Every step is on the review's timeline.
 */
export const REVIEW_SUBJECT = defineSubject({
  collection: 'reviews',
  workflow: REVIEW_WORKFLOW,
  lock: lockReview,
  context: async (_req, review: Review, actor) => ({ facts: { status: review.status }, actor: websiteActorOf(actor, idOf(review.tenant)!) }),
  apply: async ({ req, doc, action, input, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    const to = TARGET[action]
    const reasons = Array.isArray(input.reasons) ? (input.reasons as NonNullable<Review['moderation']>['reasons']) : []
    const note = typeof input.note === 'string' && input.note ? input.note : null
    const review = await req.payload.update({
      collection: 'reviews',
      id: doc.id,
      data: { status: to, moderation: { reasons, note, moderatedBy: actor?.id ?? null, moderatedAt: now.toISOString() } },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    const writer = idOf(doc.writer)
    const rating = writer && (to === 'approved' || doc.status === 'approved') ? await recomputeWriterRating(req, writer) : null
    const event = await recordEvent(req, {
      collection: 'reviews',
      document: doc.id,
      tenant,
      action,
      actor: actor?.id ?? null,
      from: doc.status,
      to,
      reason: [reasons?.join(', '), note].filter(Boolean).join(': ') || null,
      data: { reasons, ...(rating ? { writerRating: rating } : {}) },
    })
    const client = idOf(doc.client)!
    const order = idOf(doc.order)
    const facts = { id: doc.id, order, rating: doc.rating, writerRating: doc.writerRating ?? null }
    if (to === 'approved') {
      await notify(req, { event: 'review.approved', recipients: [client], tenant, data: facts, key: `review.approved:${doc.id}` })
      if (writer) await notify(req, { event: 'review.received', recipients: [writer], tenant, data: { ...facts, orderNumber: await orderNumberOf(req, order) }, key: `review.received:${doc.id}` })
    }
    // A review taken down after it was published is told apart: the client saw it public.
    if (to === 'rejected') await notify(req, { event: 'review.rejected', recipients: [client], tenant, data: { ...facts, reasons, withdrawn: doc.status === 'approved' }, key: `review.rejected:${doc.id}` })
    return { doc: review, event }
  },
})
