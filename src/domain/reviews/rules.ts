import { z } from 'zod'

import type { OrderStatus } from '../orders/statuses'

/**
 * Reviews (reference §9.1): a client reviews an order of theirs once it is done, or the
 * website itself; staff moderate; only approved reviews are public. Pure rules: what may
 * be reviewed, the input a client gives, how a writer's rating is made of reviews.
 */
export const REVIEW_KINDS = ['order', 'website'] as const
export type ReviewKind = (typeof REVIEW_KINDS)[number]

/** Why staff reject or flag a review (several may apply). */
export const MODERATION_REASONS = ['spam', 'offensive', 'personal_data', 'off_topic', 'not_genuine', 'conflict_of_interest', 'other'] as const
export type ModerationReason = (typeof MODERATION_REASONS)[number]

/** How long after its completion an order that has been archived may still be reviewed. */
export const REVIEW_WINDOW_DAYS = 60

const DAY_MS = 24 * 3600 * 1000

/**
 * Why the order cannot be reviewed now, or null: it must be approved by its client
 * (`completed`) or archived, and reviewed no more than 60 days after it was completed.
 * The window holds for a completed order too (one the auto-archive has not reached yet,
 * e.g. while its schedule was down); a completed order without a completion time (older
 * data) is taken as done now, an archived one without it as out of the window.
 */
export const orderNotReviewable = (order: { status: OrderStatus | string; completedAt: Date | null }, now: Date): string | null => {
  if (order.status !== 'completed' && order.status !== 'archived') return 'Only a completed order can be reviewed (once you have approved it).'
  const inWindow = order.completedAt ? now.getTime() - order.completedAt.getTime() <= REVIEW_WINDOW_DAYS * DAY_MS : order.status === 'completed'
  return inWindow ? null : `An order can be reviewed within ${REVIEW_WINDOW_DAYS} days of its completion.`
}

const stars = (what: string) =>
  z
    .number({ error: `${what}: a whole number of stars from 1 to 5.` })
    .int(`${what}: a whole number of stars from 1 to 5.`)
    .min(1, `${what}: at least 1 star.`)
    .max(5, `${what}: at most 5 stars.`)

export const REVIEW_TEXT_MIN = 10
export const REVIEW_TEXT_MAX = 4000

/**
 * What a client sends to `POST /api/reviews`: an order of theirs (an order review) or
 * none (a review of the website), stars, the words, and optionally stars for the writer
 * (order reviews only). Unknown keys are dropped; each refusal names its field and rule.
 */
export const reviewInput = z
  .object({
    order: z.number({ error: 'order: the id of one of your completed orders.' }).int('order: an order id.').positive('order: an order id.').nullish(),
    rating: stars('rating'),
    writerRating: stars('writerRating').nullish(),
    text: z
      .string({ error: `text: required, ${REVIEW_TEXT_MIN}–${REVIEW_TEXT_MAX} characters.` })
      .trim()
      .min(REVIEW_TEXT_MIN, `text: at least ${REVIEW_TEXT_MIN} characters.`)
      .max(REVIEW_TEXT_MAX, `text: at most ${REVIEW_TEXT_MAX} characters.`),
  })
  .superRefine((value, ctx) => {
    if (value.writerRating != null && value.order == null) ctx.addIssue({ code: 'custom', path: ['writerRating'], message: 'writerRating: only a review of an order rates its writer.' })
  })

export type ReviewInput = z.infer<typeof reviewInput>

/** The stars a review gives its writer: the writer rating when the client gave one, else the review's. */
export const writerStars = (review: { rating: number; writerRating?: number | null }): number => review.writerRating ?? review.rating

/** A writer's aggregate from how many approved reviews and their stars' sum: the mean to two decimals (null with none) and the count. */
export const ratingAggregate = (count: number, sumOfStars: number): { average: number | null; count: number } =>
  count > 0 ? { average: Math.round((sumOfStars / count) * 100) / 100, count } : { average: null, count: 0 }

/**
 * How many approved reviews a writer needs before their rating counts in the weekly level
 * evaluation: one early review is not a reputation (the level's `minAverageRating` then
 * waits, as it does while there are none).
 */
export const MIN_REVIEWS_FOR_LEVEL = 3

/** The rating the level evaluation reads: the writer's average once it rests on enough reviews, else null. */
export const ratingForEvaluation = (writer: { ratingAverage?: number | null; ratingCount?: number | null }): number | null =>
  (writer.ratingCount ?? 0) >= MIN_REVIEWS_FOR_LEVEL && writer.ratingAverage != null ? writer.ratingAverage : null

/** A name as words: case, accents' composition, punctuation and spacing aside ("Anna-Marie  Li" → "anna marie li"). */
const asWords = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Whether a pen name gives away the real name: it is the name, or holds the whole name
 * among its words ("Dr. Margaret Hale" for Margaret Hale), whatever the case, spacing or
 * punctuation. A part of the name alone (a first name) is allowed.
 */
export const penNameRevealsName = (penName: string, name: string | null | undefined): boolean => {
  const real = asWords(name ?? '')
  return real !== '' && ` ${asWords(penName)} `.includes(` ${real} `)
}

/** The longest word of a pen name: what a search for pen names that read the same can narrow by ('' when it has none). */
export const penNameSearchWord = (penName: string): string => asWords(penName).split(' ').reduce((a, b) => (b.length > a.length ? b : a), '')

/** Whether two pen names read the same to the public ("Ink & Quill" and "ink quill"): one writer must not pass for another. */
export const samePenName = (a: string, b: string): boolean => asWords(a) !== '' && asWords(a) === asWords(b)

/** The public name of a writer: their pen name, never their real name; a neutral label when they have none yet. */
export const publicWriterName = (writer: { id: number; penName?: string | null }): string => writer.penName?.trim() || `Writer #${writer.id}`
