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
  features: tenant.settings?.features ?? {},
})
