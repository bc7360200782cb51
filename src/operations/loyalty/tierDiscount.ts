import { automaticTerms } from '@/domain/discounts/evaluate'
import { tierOf } from '@/domain/loyalty/points'
import { asSystem, proofOf } from '@/access/system'

// Types only: sources.ts lists this source, so a value import back would be a cycle.
import type { AutoDiscountSource } from '../discounts/sources'
import { loyaltyOf } from './settings'

/**
 * The client's loyalty tier as an automatic discount (origin `loyalty`): the percentage
 * of the tier their points reach, when it has one. It competes with an entered code and
 * the other automatic discounts under best-of, never stacks.
 */
export const loyaltyTierSource: AutoDiscountSource = async (req, { tenant, client }) => {
  // The website checkout already read: its settings, not a second read.
  const settings = loyaltyOf(tenant)
  if (!settings.enabled || settings.tiers.length === 0) return null
  const { docs } = await req.payload.find({
    collection: 'loyalty-accounts',
    where: { and: [{ tenant: { equals: tenant.id } }, { client: { equals: client } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    ...asSystem(proofOf(req)),
    req,
  })
  const { tier } = tierOf(docs[0]?.balance ?? 0, settings.tiers)
  const percent = tier ? (settings.tiers.find((t) => t.name === tier.name)?.discountPercent ?? 0) : 0
  if (percent <= 0) return null
  return automaticTerms({ origin: 'loyalty', kind: 'percentage', value: percent, maxDiscount: null })
}
