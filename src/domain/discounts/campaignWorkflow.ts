import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { DISCOUNT_CAMPAIGN_STATUSES, type DiscountCampaignStatus } from './records'

const admins = staffOf('admin')

/**
 * A discount campaign's life (reference §5, PromotionalCampaign): scheduled until it
 * opens, active while its codes apply, closed at its end or when its budget is spent, then
 * archived out of the lists. Admins open and close early; the schedule does both on time
 * (as the platform). A closed campaign's codes answer `expired`.
 */
export const DISCOUNT_CAMPAIGN_WORKFLOW = defineWorkflow<DiscountCampaignStatus, { status: DiscountCampaignStatus }, WebsiteActor, 'open' | 'close' | 'archive'>({
  noun: 'discount campaign',
  statuses: DISCOUNT_CAMPAIGN_STATUSES,
  system: PLATFORM,
  actions: {
    open: { label: 'Open', from: ['scheduled'], who: admins, targets: ['active'] },
    close: { label: 'Close', from: ['scheduled', 'active'], who: admins, targets: ['closed'] },
    archive: { label: 'Archive', from: ['closed'], who: admins, targets: ['archived'] },
  },
})

/** What the schedule does to a campaign now: open it at its start, close it at its end or once its budget is spent. */
export const campaignDue = (c: { status: DiscountCampaignStatus; startsAt: Date; endsAt: Date | null; budget: number | null; spent: number }, now: Date): 'open' | 'close' | null => {
  const over = (c.endsAt !== null && now >= c.endsAt) || (c.budget !== null && c.spent >= c.budget)
  if (c.status === 'active') return over ? 'close' : null
  if (c.status === 'scheduled') return over ? 'close' : now >= c.startsAt ? 'open' : null
  return null
}
