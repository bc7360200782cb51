import { describe, expect, it } from 'vitest'

import { testimonialNeeds, testimonialsFromReviews } from '@/domain/content/render/body'
import { describeEvent } from '@/domain/notifications/catalogue'
import { MIN_REVIEWS_FOR_LEVEL, orderNotReviewable, penNameRevealsName, publicWriterName, ratingAggregate, ratingForEvaluation, reviewInput, penNameSearchWord, samePenName, writerStars } from '@/domain/reviews/rules'
import { REVIEW_WORKFLOW } from '@/domain/reviews/workflow'
import { decide, parseInput } from '@/domain/workflow/define'
import { PLATFORM, type WebsiteActor } from '@/domain/workflow/websiteActor'
import { decideLevel, DEFAULT_LEVEL_CRITERIA, type PerformanceSnapshot } from '@/domain/writers/evaluation'

const DAY = 24 * 3600 * 1000
const now = new Date('2026-12-01T12:00:00Z')
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY)

describe('which orders may be reviewed', () => {
  it('a completed or archived order, within 60 days of its completion', () => {
    expect(orderNotReviewable({ status: 'completed', completedAt: daysAgo(60) }, now)).toBeNull()
    expect(orderNotReviewable({ status: 'completed', completedAt: null }, now)).toBeNull()
    expect(orderNotReviewable({ status: 'completed', completedAt: daysAgo(61) }, now)).toMatch(/60 days/)
    expect(orderNotReviewable({ status: 'archived', completedAt: daysAgo(60) }, now)).toBeNull()
    expect(orderNotReviewable({ status: 'archived', completedAt: daysAgo(61) }, now)).toMatch(/60 days/)
    expect(orderNotReviewable({ status: 'archived', completedAt: null }, now)).toMatch(/60 days/)
    for (const status of ['submitted', 'in_progress', 'cancelled', 'refunded', 'disputed']) expect(orderNotReviewable({ status, completedAt: daysAgo(1) }, now)).toMatch(/completed/)
  })
})

describe('a review’s input', () => {
  const issues = (body: unknown) => {
    const parsed = reviewInput.safeParse(body)
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }
  it('names the field and the rule', () => {
    expect(issues({ order: 3, rating: 5, text: 'Ten chars at least.' })).toEqual([])
    expect(issues({ order: 3, rating: 0, text: 'Ten chars at least.' })).toEqual(['rating: rating: at least 1 star.'])
    expect(issues({ order: 3, rating: 4.5, text: 'Ten chars at least.' })[0]).toMatch(/^rating: .*whole number/)
    expect(issues({ rating: 4, text: '   short   ' })[0]).toMatch(/^text: .*at least 10/)
    expect(issues({ rating: 4, writerRating: 5, text: 'Ten chars at least.' })).toEqual(['writerRating: writerRating: only a review of an order rates its writer.'])
  })
})

describe('a writer’s rating', () => {
  it('counts the writer rating, else the rating; two decimals; none is null', () => {
    expect(writerStars({ rating: 2, writerRating: 5 })).toBe(5)
    expect(writerStars({ rating: 2, writerRating: null })).toBe(2)
    expect(ratingAggregate(3, 11)).toEqual({ average: 3.67, count: 3 })
    expect(ratingAggregate(0, 0)).toEqual({ average: null, count: 0 })
  })

  it('joins the level evaluation once it rests on enough reviews', () => {
    expect(ratingForEvaluation({ ratingAverage: 2, ratingCount: MIN_REVIEWS_FOR_LEVEL - 1 })).toBeNull()
    expect(ratingForEvaluation({ ratingAverage: 2, ratingCount: MIN_REVIEWS_FOR_LEVEL })).toBe(2)
    const snapshot = (averageRating: number | null): PerformanceSnapshot => ({ completedOrders: 10, completionRate: 1, latenessRate: 0, revisionRate: 0, disputeRate: 0, cancellationRate: 0, averageRating })
    // A poor rating holds back a promotion the other metrics would earn; no rating yet does not.
    expect(decideLevel([snapshot(null)], DEFAULT_LEVEL_CRITERIA.entry!, DEFAULT_LEVEL_CRITERIA.standard!, false).change).toBe('promote')
    expect(decideLevel([snapshot(4.2)], DEFAULT_LEVEL_CRITERIA.entry!, DEFAULT_LEVEL_CRITERIA.standard!, false).change).toBe('promote')
    const held = decideLevel([snapshot(3)], DEFAULT_LEVEL_CRITERIA.entry!, DEFAULT_LEVEL_CRITERIA.standard!, false)
    expect(held).toMatchObject({ change: 'none', missedForNext: [{ metric: 'averageRating', value: 3, threshold: 3.5 }] })
  })

  it('is shown by pen name, never the real name', () => {
    expect(publicWriterName({ id: 7, penName: ' Quill ' })).toBe('Quill')
    expect(publicWriterName({ id: 7, penName: '' })).toBe('Writer #7')
  })

  it('a pen name may not be, or hold, the whole real name (case, spacing, punctuation aside); a part of it may stay', () => {
    for (const pen of ['Anna-Marie Li', 'ANNA MARIE  LI', 'Dr. Anna-Marie Li, PhD']) expect(penNameRevealsName(pen, 'Anna-Marie Li'), pen).toBe(true)
    for (const pen of ['Anna Quill', 'Marie Lin', 'Lianna Marie']) expect(penNameRevealsName(pen, 'Anna-Marie Li'), pen).toBe(false)
    expect(samePenName('Ink & Quill', '  ink quill ')).toBe(true)
    expect(samePenName('Ink & Quill', 'Ink & Quill Jr')).toBe(false)
    expect(samePenName('&&', '--')).toBe(false)
    expect(penNameSearchWord('Ink & Quill-Westbrook')).toBe('westbrook')
    expect(penNameSearchWord('&&')).toBe('')
    expect(penNameRevealsName('Quill', null)).toBe(false)
    expect(penNameRevealsName('Quill', ' - ')).toBe(false)
  })
})

describe('moderation', () => {
  const support: WebsiteActor = { roles: ['support'], ofWebsite: true, superadmin: false }
  const otherSite: WebsiteActor = { roles: ['admin'], ofWebsite: false, superadmin: false }
  const client: WebsiteActor = { roles: ['client'], ofWebsite: true, superadmin: false }
  it('pending → approved | rejected | flagged; flagged → approved | rejected; by the website’s admins and support', () => {
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'pending' }, support, now)).toEqual({ ok: true, targets: ['approved'] })
    expect(decide(REVIEW_WORKFLOW, 'flag', { status: 'pending' }, support, now).ok).toBe(true)
    expect(decide(REVIEW_WORKFLOW, 'reject', { status: 'flagged' }, support, now).ok).toBe(true)
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'flagged' }, PLATFORM, now).ok).toBe(true)
    expect(decide(REVIEW_WORKFLOW, 'flag', { status: 'flagged' }, support, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'rejected' }, support, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'pending' }, client, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'pending' }, otherSite, now)).toMatchObject({ ok: false, status: 403 })
  })
  it('reject and flag need reasons (and a note for other)', () => {
    expect(parseInput(REVIEW_WORKFLOW, 'reject', {}).success).toBe(false)
    expect(parseInput(REVIEW_WORKFLOW, 'reject', { reasons: [] }).success).toBe(false)
    expect(parseInput(REVIEW_WORKFLOW, 'flag', { reasons: ['nonsense'] }).success).toBe(false)
    expect(parseInput(REVIEW_WORKFLOW, 'flag', { reasons: ['other'] }).success).toBe(false)
    expect(parseInput(REVIEW_WORKFLOW, 'flag', { reasons: ['other'], note: 'Looks copied.' }).success).toBe(true)
    expect(parseInput(REVIEW_WORKFLOW, 'reject', { reasons: ['spam', 'offensive'] }).success).toBe(true)
    expect(parseInput(REVIEW_WORKFLOW, 'approve', undefined).success).toBe(true)
  })
  it('a published review can be taken down (rejected) or flagged again; a rejected one stays rejected', () => {
    expect(decide(REVIEW_WORKFLOW, 'reject', { status: 'approved' }, support, now)).toEqual({ ok: true, targets: ['rejected'] })
    expect(decide(REVIEW_WORKFLOW, 'flag', { status: 'approved' }, support, now)).toEqual({ ok: true, targets: ['flagged'] })
    expect(decide(REVIEW_WORKFLOW, 'approve', { status: 'approved' }, support, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REVIEW_WORKFLOW, 'reject', { status: 'approved' }, client, now)).toMatchObject({ ok: false, status: 403 })
    for (const action of ['approve', 'reject', 'flag'] as const) expect(decide(REVIEW_WORKFLOW, action, { status: 'rejected' }, support, now)).toMatchObject({ ok: false, status: 409 })
  })
})

describe('reviews’ notifications', () => {
  it('are in the catalogue, in the reviews category', () => {
    expect(describeEvent('review.received', { id: 4, writerRating: 5, orderNumber: 'A-12' })).toMatchObject({ category: 'reviews', link: '/reviews/4', body: expect.stringContaining('5 stars') })
    expect(describeEvent('review.rejected', { id: 4, reasons: ['personal_data'] }).body).toContain('personal data')
    expect(describeEvent('review.rejected', { id: 4, reasons: ['personal_data'], withdrawn: true })).toMatchObject({ title: 'Your review was taken down', body: expect.stringContaining('no longer public') })
    expect(describeEvent('review.approved', { id: 4, rating: 1 }).body).toContain('1 star)')
  })
})

describe('testimonials blocks', () => {
  it('show reviews unless the editor chose quotes (or an older block has its own)', () => {
    expect(testimonialsFromReviews({ source: 'reviews', count: 5, minRating: 3 })).toEqual({ count: 5, minRating: 3 })
    expect(testimonialsFromReviews({})).toEqual({ count: 3, minRating: 4 })
    expect(testimonialsFromReviews({ source: 'reviews', count: 99, minRating: 0 })).toEqual({ count: 3, minRating: 4 })
    expect(testimonialsFromReviews({ source: 'manual', items: [] })).toBeNull()
    expect(testimonialsFromReviews({ items: [{ quote: 'Hi', author: 'A' }] })).toBeNull()
  })
  it('a body asks for the most reviews any block wants, from the fewest stars', () => {
    const block = (fields: Record<string, unknown>) => ({ type: 'block', version: 2, fields: { blockType: 'testimonials', ...fields } })
    const body = { root: { type: 'root', children: [block({ source: 'reviews', count: 2, minRating: 5 }), block({ source: 'reviews', count: 6, minRating: 3 }), block({ source: 'manual' })] } }
    expect(testimonialNeeds(body as never)).toEqual({ count: 6, minRating: 3 })
    expect(testimonialNeeds({ root: { type: 'root', children: [] } } as never)).toBeNull()
  })
})
