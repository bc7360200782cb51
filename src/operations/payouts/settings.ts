import type { PayloadRequest } from 'payload'

import { DEFAULT_PAYOUTS, type PayoutSettings } from '@/domain/payouts/settings'

import { withDefaults } from '@/domain/withDefaults'
import { asSystem, proofOf } from '@/access/system'

/** The website's payout rules, the defaults filling what it did not set. */
export const websitePayouts = async (req: PayloadRequest, tenant: number): Promise<PayoutSettings> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return withDefaults(DEFAULT_PAYOUTS, website.settings?.payouts)
}
