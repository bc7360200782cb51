import type { Payload } from 'payload'

import { campaignDue } from '@/domain/discounts/campaignWorkflow'
import { asSystem, systemProof } from '@/access/system'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000
const proof = systemProof('discount campaign schedule')

/**
 * Opens the discount campaigns whose start has passed and closes those whose end has
 * passed or whose budget is spent, each through its workflow action as the platform (under
 * the campaign's row lock, so one an admin moved meanwhile is left alone: 409).
 */
export const runDiscountCampaigns = async (payload: Payload, now: Date) => {
  const live = idsMatching(payload, 'discount-campaigns', { status: { in: ['scheduled', 'active'] } })
  return sweep(payload, 'discounts-campaigns', live, async (id, req) => {
    const campaign = await req.payload.findByID({ collection: 'discount-campaigns', id, depth: 0, ...asSystem(proof), req })
    const due = campaignDue(
      {
        status: campaign.status,
        startsAt: new Date(campaign.startsAt),
        endsAt: campaign.endsAt ? new Date(campaign.endsAt) : null,
        budget: typeof campaign.budget === 'number' ? campaign.budget : null,
        spent: campaign.spent ?? 0,
      },
      now,
    )
    if (!due) return false
    await performAction(req, 'discount-campaigns', id, due, {}, { system: true, now })
    return true
  })
}

/** The discounts' timed work, in SCHEDULES. */
export const DISCOUNT_SCHEDULES: Schedule[] = [{ id: 'discounts-campaigns', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => runDiscountCampaigns(payload, now) }]
