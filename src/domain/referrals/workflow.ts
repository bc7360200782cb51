import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { nobody, PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

/**
 * A referral's life: `pending` until the referee's first paid and approved order pays
 * the reward (`rewarded`); `held` when an abuse rule or a monthly limit flagged it, until
 * staff release it or void it; `voided` is never paid.
 */
export const REFERRAL_STATUSES = ['pending', 'held', 'rewarded', 'voided'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/** `qualified`: the referee's first order was paid and approved already (a release pays at once). */
export type ReferralFacts = { status: ReferralStatus; qualified: boolean }

const reviewers = staffOf('admin', 'support')

/**
 * Staff review held referrals: release (the reward is paid at once when the referee's
 * qualifying order has happened, else the referral waits as pending) or void with a
 * reason, also from pending. The platform rewards and holds (the order's approval).
 */
export const REFERRAL_WORKFLOW = defineWorkflow<ReferralStatus, ReferralFacts, WebsiteActor, 'release' | 'void' | 'reward' | 'hold'>({
  noun: 'referral',
  statuses: REFERRAL_STATUSES,
  system: PLATFORM,
  actions: {
    release: {
      label: 'Release (reviewed)',
      from: ['held'],
      who: reviewers,
      targets: ['pending', 'rewarded'],
      input: z.object({ note: z.string().trim().max(2000).optional() }),
      money: true,
    },
    void: {
      label: 'Void',
      from: ['pending', 'held'],
      who: reviewers,
      targets: ['voided'],
      input: z.object({ reason: z.string({ error: 'Required: why the referral is void.' }).trim().min(1, 'Required: why the referral is void.').max(2000) }),
    },
    // The platform's, on the referee's first paid and approved order.
    reward: {
      label: 'Reward',
      from: ['pending'],
      who: nobody,
      guard: (facts) => (facts.qualified ? null : 'The referee’s first order has not been paid and approved.'),
      targets: ['rewarded'],
      money: true,
    },
    hold: { label: 'Hold for review', from: ['pending'], who: nobody, targets: ['held'] },
  },
})

/** Where a release leads: paid now when the qualifying order has happened. */
export const releaseTarget = (facts: ReferralFacts): ReferralStatus => (facts.qualified ? 'rewarded' : 'pending')
