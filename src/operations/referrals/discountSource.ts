import { asSystem, proofOf } from '@/access/system'
import { automaticTerms } from '@/domain/discounts/evaluate'
import { referralSettingsOf } from '@/domain/referrals/settings'

// Types only: sources.ts lists this source, so a value import back would be a cycle.
import type { AutoDiscountSource } from '../discounts/sources'

/**
 * The referee's first-order discount (origin `referral`): the website's
 * `settings.referrals.refereeDiscount` for a client who came by a referral that is still
 * pending (not held for review, not voided) and has paid nothing here yet. It competes
 * with an entered code and the other automatic discounts under best-of, never stacks.
 */
export const refereeDiscountSource: AutoDiscountSource = async (req, { tenant, client, hasPaidBefore }) => {
  if (hasPaidBefore) return null
  const settings = referralSettingsOf(tenant.settings?.referrals)
  const discount = settings.refereeDiscount
  if (!settings.enabled || !discount.enabled || discount.value <= 0) return null
  const { totalDocs } = await req.payload.count({
    collection: 'referrals',
    where: { and: [{ tenant: { equals: tenant.id } }, { referee: { equals: client } }, { status: { equals: 'pending' } }] },
    ...asSystem(proofOf(req)),
    req,
  })
  if (totalDocs === 0) return null
  return automaticTerms({
    origin: 'referral',
    kind: discount.kind,
    value: discount.kind === 'percentage' ? Math.min(discount.value, 100) : discount.value,
    maxDiscount: null,
    firstOrderOnly: true,
  })
}
