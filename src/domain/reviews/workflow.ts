import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { MODERATION_REASONS } from './rules'

/** A review's moderation (reference §9.1): only approved reviews are public. */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected', 'flagged'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export type ReviewFacts = { status: ReviewStatus }

const moderators = staffOf('admin', 'support')

const REASONS_RULE = `Required: at least one of ${MODERATION_REASONS.join(', ')}.`

/** Reject and flag say why: one or more reason codes, and a note when the reason is `other`. */
const reasons = z
  .object({
    reasons: z.array(z.enum(MODERATION_REASONS, { error: `reasons: each one of ${MODERATION_REASONS.join(', ')}.` }), { error: REASONS_RULE }).min(1, REASONS_RULE).max(MODERATION_REASONS.length),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.reasons.includes('other') && !value.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Required when a reason is other: what it is.' })
  })

/**
 * Moderation as a workflow table: admins and support of the website approve a pending
 * review (it becomes public and counts in the writer's rating), reject it or flag it
 * for a second look, with reasons; a flagged review is then approved or rejected.
 * A published review can still be taken down (rejected) or put back for a second look
 * (flagged): personal data or a fake found after approval must not stay public for good,
 * and nobody may edit or delete a review over the API. Either way it leaves the public
 * list and the writer's rating in the action's transaction.
 */
export const REVIEW_WORKFLOW = defineWorkflow<ReviewStatus, ReviewFacts, WebsiteActor, 'approve' | 'reject' | 'flag'>({
  noun: 'review',
  statuses: REVIEW_STATUSES,
  system: PLATFORM,
  actions: {
    approve: { label: 'Approve (publish)', from: ['pending', 'flagged'], who: moderators, targets: ['approved'], input: z.object({ note: z.string().trim().max(2000).optional() }) },
    reject: { label: 'Reject', from: ['pending', 'flagged', 'approved'], who: moderators, targets: ['rejected'], input: reasons },
    flag: { label: 'Flag for review', from: ['pending', 'approved'], who: moderators, targets: ['flagged'], input: reasons },
  },
})
