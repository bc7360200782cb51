import type { EventDescriber } from '../catalogue'

const stars = (value: unknown): string => (typeof value === 'number' ? `${value} star${value === 1 ? '' : 's'}` : 'a rating')
const reasonsOf = (value: unknown): string => (Array.isArray(value) && value.length > 0 ? value.map((r) => String(r).replace(/_/g, ' ')).join(', ') : 'our review guidelines')
const link = (data: Record<string, unknown>): string | null => (typeof data.id === 'number' ? `/reviews/${data.id}` : null)

/**
 * Reviews' events (category `reviews`): the writer hears of a review of their work once
 * it is approved (never of a pending or rejected one), the client of the moderation's
 * outcome. Facts: `id`, `order`, `rating`, `writerRating`, `reasons`.
 */
export const REVIEW_EVENTS: Record<string, EventDescriber> = {
  'review.received': (data) => ({
    category: 'reviews',
    title: 'You have a new review',
    body: `A client gave your work on order ${typeof data.orderNumber === 'string' ? data.orderNumber : 'of theirs'} ${stars(data.writerRating ?? data.rating)}.`,
    link: link(data),
  }),
  'review.approved': (data) => ({
    category: 'reviews',
    title: 'Your review is published',
    body: `Thank you: your review (${stars(data.rating)}) is now public.`,
    link: link(data),
  }),
  'review.rejected': (data) =>
    data.withdrawn === true
      ? { category: 'reviews', title: 'Your review was taken down', body: `Your review is no longer public because of ${reasonsOf(data.reasons)}.`, link: link(data) }
      : { category: 'reviews', title: 'Your review was not published', body: `Your review was not published because of ${reasonsOf(data.reasons)}.`, link: link(data) },
}
