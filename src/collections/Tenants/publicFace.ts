import { FEATURE_TOGGLES, type FeatureToggle, featureOn } from '@/domain/tenancy/featureToggles'
import type { Tenant } from '@/payload-types'

/** What anyone may know about a website: enough to brand a frontend and build its forms. */
export const publicFace = (tenant: Tenant) => ({
  id: tenant.id,
  name: tenant.name,
  slug: tenant.slug,
  currency: tenant.currency,
  branding: {
    brandName: tenant.branding?.brandName ?? tenant.name,
    logo:
      tenant.branding?.logo && typeof tenant.branding.logo === 'object'
        ? { url: tenant.branding.logo.url ?? null, alt: tenant.branding.logo.alt }
        : null,
    primaryColor: tenant.branding?.primaryColor ?? null,
    supportEmail: tenant.branding?.supportEmail ?? null,
  },
  // Each switch as it takes effect (what the admin set, else its default), so a frontend never reads an unset one as off.
  features: Object.fromEntries((Object.keys(FEATURE_TOGGLES) as FeatureToggle[]).map((name) => [name, featureOn(tenant, name)])) as Record<FeatureToggle, boolean>,
})
