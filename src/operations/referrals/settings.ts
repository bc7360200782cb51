import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { referralSettingsOf, type ReferralSettings } from '@/domain/referrals/settings'

import { clientWalletOn } from '../payments/walletSwitch'

/**
 * A website's referral programme as it runs: without a client wallet (`allowWallet` off)
 * there is no wallet bonus to pay, hold a referral for or count against the monthly limit,
 * so it reads as 0, and `walletBonusSkipped` says a bonus was set but is not paid.
 */
export type WebsiteReferrals = ReferralSettings & { walletBonusSkipped: boolean }

/** The website's referral programme, the defaults filling what it did not set. */
export const websiteReferrals = async (req: PayloadRequest, tenant: number): Promise<WebsiteReferrals> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  const settings = referralSettingsOf(website.settings?.referrals)
  if (await clientWalletOn(req, website)) return { ...settings, walletBonusSkipped: false }
  return { ...settings, referrerWalletBonus: 0, walletBonusSkipped: settings.referrerWalletBonus > 0 }
}
