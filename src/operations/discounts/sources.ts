import type { PayloadRequest } from 'payload'

import { automaticTerms, type DiscountTerms } from '@/domain/discounts/evaluate'
import type { Tenant } from '@/payload-types'

import { loyaltyTierSource } from '../loyalty/tierDiscount'
import { refereeDiscountSource } from '../referrals/discountSource'

export type AutoDiscountContext = { tenant: Tenant; client: number; subtotal: number; hasPaidBefore: boolean; now: Date }

/**
 * A discount the client gets without a code (first order, loyalty tier, referral): it
 * competes with an entered code under best-of (no stacking). Null: nothing to offer.
 * Automatic terms carry an empty `code`; the answer then names their origin only.
 */
export type AutoDiscountSource = (req: PayloadRequest, ctx: AutoDiscountContext) => Promise<DiscountTerms | null>

/** The website's first-order discount (settings.discounts.firstOrder), for a client who has paid nothing here yet. */
export const firstOrderSource: AutoDiscountSource = async (_req, { tenant, hasPaidBefore }) => {
  const settings = tenant.settings?.discounts
  const first = settings?.firstOrder
  if (!settings?.autoApplyFirstOrder || !first?.enabled || hasPaidBefore) return null
  if (typeof first.value !== 'number' || first.value < 1) return null
  return automaticTerms({
    origin: 'first_order',
    kind: first.kind === 'fixed' ? 'fixed' : 'percentage',
    value: first.value,
    maxDiscount: first.maxDiscount ?? null,
    minPayable: first.minPayable ?? 0,
    firstOrderOnly: true,
  })
}

/** Every automatic discount; loyalty and referrals append theirs (one element each). */
export const AUTO_DISCOUNT_SOURCES: AutoDiscountSource[] = [firstOrderSource, loyaltyTierSource, refereeDiscountSource]
