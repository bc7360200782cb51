import type { Payload } from 'payload'

import type { FeatureToggle } from '@/domain/tenancy/featureToggles'

import type { TestContext } from './testPayload'

/**
 * Flipping a website's settings for a flip test (issue 16: no switch without effect):
 * `whileSettings` runs `check` with website `tenant`'s `settings` changed by `during` and
 * set back by `after` whatever happens, so the next test finds the website as it was.
 * The others are its shorthands.
 */
export const whileSettings = async (payload: Payload, tenant: number, during: Record<string, unknown>, after: Record<string, unknown>, check: () => Promise<void>): Promise<void> => {
  const set = (settings: Record<string, unknown>) => payload.update({ collection: 'tenants', id: tenant, data: { settings }, depth: 0 })
  await set(during)
  try {
    await check()
  } finally {
    await set(after)
  }
}

/** One settings group of the website set to `off`, then back to `on`. */
export const whileSet = (t: TestContext, tenant: number, group: string, off: Record<string, boolean>, on: Record<string, boolean>, check: () => Promise<void>) =>
  whileSettings(t.payload, tenant, { [group]: off }, { [group]: on }, check)

/** Sets website `tenant`'s feature switch `name` (as its admin would on the settings page). */
export const setFeature = (payload: Payload, tenant: number, name: FeatureToggle, on: boolean) =>
  payload.update({ collection: 'tenants', id: tenant, data: { settings: { features: { [name]: on } } }, depth: 0 })

/** Runs `check` with the switch set to `on`, and sets it back to `after` whatever happens. */
export const whileFeature = (payload: Payload, tenant: number, name: FeatureToggle, on: boolean, after: boolean, check: () => Promise<void>) =>
  whileSettings(payload, tenant, { features: { [name]: on } }, { features: { [name]: after } }, check)

export const whileOff = (t: TestContext, tenant: number, name: FeatureToggle, check: () => Promise<void>) => whileSet(t, tenant, 'features', { [name]: false }, { [name]: true }, check)

let registered = 0

/** Registers a new client on Alpha over REST, each from its own address (`body` adds to or overrides the defaults). */
export const registerOnAlpha = (t: TestContext, body: Record<string, unknown> = {}) => {
  registered += 1
  const email = `switch-${registered}-${Date.now()}@example.com`
  return t.api.post('/api/auth/register', { host: 'alpha.test', address: `198.51.100.${registered}`, body: { name: `Switch Tester ${registered}`, email, password: 'Switch-password-1', ...body } })
}
