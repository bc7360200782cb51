import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { referralSettingsOf, type ReferralSettings } from '@/domain/referrals/settings'

/** The website's referral programme, the defaults filling what it did not set. */
export const websiteReferrals = async (req: PayloadRequest, tenant: number): Promise<ReferralSettings> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return referralSettingsOf(website.settings?.referrals)
}
