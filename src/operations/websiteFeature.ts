import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { type FeatureToggle, featureOn } from '@/domain/tenancy/featureToggles'

import { resolvedTenantWithId } from './resolveTenant'

/** Whether website `tenant` has feature `name` on: the request's own website row when already read, else its settings. */
export const websiteFeature = async (req: PayloadRequest, tenant: number, name: FeatureToggle): Promise<boolean> => {
  const website = resolvedTenantWithId(req, tenant) ?? (await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: { features: true } } }))
  return featureOn(website, name)
}
