/** The life of a discount usage: held at checkout, applied when paid, released when the payment fails. */
export const DISCOUNT_USAGE_STATUSES = ['held', 'applied', 'released'] as const
export type DiscountUsageStatus = (typeof DISCOUNT_USAGE_STATUSES)[number]

/** What a discount usage is for (one usage per payable). */
export const DISCOUNT_PAYABLE_TYPES = ['order', 'invoice'] as const
export type DiscountPayableType = (typeof DISCOUNT_PAYABLE_TYPES)[number]

/** A discount campaign: scheduled until its start, active, closed by its end or spent budget; archived out of lists. */
export const DISCOUNT_CAMPAIGN_STATUSES = ['scheduled', 'active', 'closed', 'archived'] as const
export type DiscountCampaignStatus = (typeof DISCOUNT_CAMPAIGN_STATUSES)[number]

/** How a discount looks in lists (reference §5's derived status). */
export const DISCOUNT_STATUSES = ['draft', 'scheduled', 'active', 'expired', 'exhausted', 'archived', 'disabled'] as const
export type DiscountStatus = (typeof DISCOUNT_STATUSES)[number]

export const DISCOUNT_CODE_MAX = 64

/** Codes are case-insensitive: stored and looked up upper-case, without surrounding spaces. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase()

/** Letters, digits, dash and underscore. */
export const isDiscountCode = (code: string): boolean => /^[A-Z0-9][A-Z0-9_-]{0,63}$/.test(code)

/**
 * The derived status: archived and disabled first (staff's own choices), then the window,
 * then the usage limit. A discount without a start and not yet active is a draft.
 */
export const discountStatus = (d: {
  active: boolean
  archived: boolean
  startsAt: Date | null
  endsAt: Date | null
  usageLimit: number | null
  usages: number
  campaignClosed: boolean
  now: Date
}): DiscountStatus => {
  if (d.archived) return 'archived'
  if (!d.active) return d.startsAt ? 'disabled' : 'draft'
  if (d.startsAt && d.now < d.startsAt) return 'scheduled'
  if (d.campaignClosed || (d.endsAt && d.now >= d.endsAt)) return 'expired'
  if (d.usageLimit !== null && d.usages >= d.usageLimit) return 'exhausted'
  return 'active'
}
