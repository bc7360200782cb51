import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { nobody, PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { PAYOUT_METHODS } from './settings'

export const PAYOUT_RECORD_STATUSES = ['pending', 'paid', 'cancelled'] as const
export type PayoutRecordStatus = (typeof PAYOUT_RECORD_STATUSES)[number]

export const PAYOUT_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const
export type PayoutRequestStatus = (typeof PAYOUT_REQUEST_STATUSES)[number]

/** How the writer was paid outside the platform (there is no automated rail). */
export const PAID_OUTSIDE = z.object({
  method: z.enum(PAYOUT_METHODS, { error: `One of ${PAYOUT_METHODS.join(', ')}.` }),
  externalReference: z.string({ error: 'Required: the bank, PayPal or Wise reference.' }).trim().min(1, 'Required: the bank, PayPal or Wise reference.').max(200),
})

const admins = staffOf('admin')

/** A payout record of a batch (`docs/payouts.md`): an admin pays it outside and marks it paid, once. */
export const PAYOUT_RECORD_WORKFLOW = defineWorkflow<PayoutRecordStatus, { status: PayoutRecordStatus }, WebsiteActor, 'pay'>({
  noun: 'payout record',
  statuses: PAYOUT_RECORD_STATUSES,
  system: PLATFORM,
  actions: { pay: { label: 'Mark paid', from: ['pending'], who: admins, targets: ['paid'], input: PAID_OUTSIDE, money: true } },
})

/**
 * A writer's payout request: an admin approves it (the held amount leaves the wallet) or
 * rejects it (the hold is released); the platform expires it when nobody decides.
 */
export const PAYOUT_REQUEST_WORKFLOW = defineWorkflow<PayoutRequestStatus, { status: PayoutRequestStatus }, WebsiteActor, 'approve' | 'reject' | 'expire'>({
  noun: 'payout request',
  statuses: PAYOUT_REQUEST_STATUSES,
  system: PLATFORM,
  actions: {
    approve: { label: 'Approve and mark paid', from: ['pending'], who: admins, targets: ['approved'], input: PAID_OUTSIDE, money: true },
    reject: {
      label: 'Reject',
      from: ['pending'],
      who: admins,
      targets: ['rejected'],
      input: z.object({ reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500) }),
      money: true,
    },
    // The schedule's, when the request's time is up.
    expire: { label: 'Expire', from: ['pending'], who: nobody, targets: ['expired'] },
  },
})
