import type { Payload } from 'payload'

import type { FeatureToggle } from '@/domain/tenancy/featureToggles'

/** Sets website `tenant`'s feature switch `name` (as its admin would on the settings page). */
export const setFeature = (payload: Payload, tenant: number, name: FeatureToggle, on: boolean) =>
  payload.update({ collection: 'tenants', id: tenant, data: { settings: { features: { [name]: on } } }, depth: 0 })

/** Runs `check` with the switch set to `on`, and sets it back to `after` whatever happens. */
export const whileFeature = async (payload: Payload, tenant: number, name: FeatureToggle, on: boolean, after: boolean, check: () => Promise<void>) => {
  await setFeature(payload, tenant, name, on)
  try {
    await check()
  } finally {
    await setFeature(payload, tenant, name, after)
  }
}
