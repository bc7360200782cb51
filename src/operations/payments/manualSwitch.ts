import { manualPaymentsOn } from '@/domain/payments/manualProvider'
import { env } from '@/env'
import type { Tenant } from '@/payload-types'

/** Whether the manual provider is on for `tenant` in this process (see `manualPaymentsOn`). */
export const manualPaymentsOnWebsite = (tenant: Pick<Tenant, 'settings'>): boolean => {
  const settings = env()
  return manualPaymentsOn({
    production: settings.NODE_ENV === 'production',
    deployment: settings.PAYMENTS_MANUAL_ENABLED,
    website: tenant.settings?.payments?.manualEnabled === true,
  })
}
