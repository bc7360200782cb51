import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

/** What a catalogue reward gives: a discount code for the client alone, or a perk staff hand over. */
export const REWARD_KINDS = ['discount_code', 'perk'] as const
export type RewardKind = (typeof REWARD_KINDS)[number]

/** A redemption's life: the points leave at once; staff approve and fulfil it, or reject it (the points come back); the client may cancel while it waits. */
export const REDEMPTION_STATUSES = ['pending', 'approved', 'fulfilled', 'rejected', 'cancelled'] as const
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number]

/** Who the actor is to a redemption: staff of its website, or the client who redeemed. */
export type RedemptionActor = WebsiteActor & { redeemer: boolean }

export type RedemptionFacts = { status: RedemptionStatus }

/** Redemptions that hold their points and their unit of stock (the rest gave them back, or delivered). */
export const REDEMPTION_HOLDING: readonly RedemptionStatus[] = ['pending', 'approved', 'fulfilled']

/** Whether a redemption ending in `status` gives the client's points and the stock back. */
export const redemptionRefunds = (status: RedemptionStatus): boolean => status === 'rejected' || status === 'cancelled'

export type RewardFacts = { active: boolean; stock: number | null; maxPerClient: number | null; pointsRequired: number }

/**
 * Why a client may not redeem a reward now, or null: checked under the reward's and the
 * account's locks, so concurrent redemptions cannot both take the last unit or go past
 * the client's limit. `held` counts the client's redemptions of it that were not given back.
 */
export const redemptionRefusal = (reward: RewardFacts, held: number, balance: number): { rule: string; message: string } | null => {
  if (!reward.active) return { rule: 'inactive', message: 'This reward is not offered now.' }
  if (reward.stock !== null && reward.stock <= 0) return { rule: 'out_of_stock', message: 'This reward is out of stock.' }
  if (reward.maxPerClient !== null && held >= reward.maxPerClient) return { rule: 'per_client_limit', message: `You may redeem this reward ${reward.maxPerClient} time(s).` }
  if (balance < reward.pointsRequired) return { rule: 'insufficient_points', message: `This reward needs ${reward.pointsRequired} points; you have ${balance}.` }
  return null
}

const reason = (what: string) => z.object({ reason: z.string({ error: `Required: ${what}.` }).trim().min(1, `Required: ${what}.`).max(500) })

const admins = staffOf('admin')
const redeemer = (actor: RedemptionActor): boolean => actor.redeemer

/**
 * Redemptions as a workflow table (reference §8.1, §16: points deducted once). Creating
 * one is not an action (`POST /api/loyalty/redeem` takes the points); admins approve,
 * fulfil (a discount code reward is issued then) or reject it; the client cancels it
 * while pending. Rejecting and cancelling give the points back by a compensating row.
 */
export const REDEMPTION_WORKFLOW = defineWorkflow<RedemptionStatus, RedemptionFacts, RedemptionActor, 'approve' | 'fulfil' | 'reject' | 'cancel'>({
  noun: 'redemption',
  statuses: REDEMPTION_STATUSES,
  system: { ...PLATFORM, redeemer: false },
  actions: {
    approve: { label: 'Approve', from: ['pending'], who: admins, targets: ['approved'] },
    fulfil: { label: 'Fulfil', from: ['approved'], who: admins, targets: ['fulfilled'] },
    reject: { label: 'Reject', from: ['pending', 'approved'], who: admins, targets: ['rejected'], input: reason('say why'), money: true },
    cancel: { label: 'Cancel', from: ['pending'], who: redeemer, targets: ['cancelled'], money: true },
  },
})
