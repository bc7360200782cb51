import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { DEFAULT_SPECIAL_ORDER_SETTINGS, type SpecialOrderSettings } from '@/domain/specialOrders/settings'
import { withDefaults } from '@/domain/withDefaults'
import type { Tenant } from '@/payload-types'

/** The website and its special-order settings, the defaults filling what it did not set. */
export const websiteSpecialOrders = async (req: PayloadRequest, tenant: number): Promise<{ website: Tenant; settings: SpecialOrderSettings }> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req })
  return { website, settings: withDefaults(DEFAULT_SPECIAL_ORDER_SETTINGS, website.settings?.specialOrders) }
}
