import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { DEFAULT_CURRENCY } from '@/domain/currency'

const CACHE = 'notifications.websiteCurrency'

/**
 * The website's currency, for notifications' money texts when the record itself carries
 * none (fines, payouts): read once per request and website.
 */
export const websiteCurrency = async (req: PayloadRequest, tenant: number): Promise<string> => {
  const cache = (req.context[CACHE] ??= {}) as Record<number, string>
  if (cache[tenant]) return cache[tenant]
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { currency: true }, disableErrors: true })
  cache[tenant] = website?.currency ?? DEFAULT_CURRENCY
  return cache[tenant]
}
