import type { FeatureToggle } from '@/domain/tenancy/featureToggles'

import type { TestContext } from './testPayload'

/**
 * Flipping a website's settings for a flip test (issue 16: no switch without effect):
 * `whileSet` runs `check` with the settings group `group` of website `tenant` set to
 * `off`, and sets `on` back whatever happens; `whileOff` does it for one feature switch.
 */
export const whileSet = async (t: TestContext, tenant: number, group: string, off: Record<string, boolean>, on: Record<string, boolean>, check: () => Promise<void>) => {
  const set = (values: Record<string, boolean>) => t.payload.update({ collection: 'tenants', id: tenant, data: { settings: { [group]: values } }, depth: 0 })
  await set(off)
  try {
    await check()
  } finally {
    await set(on)
  }
}

export const whileOff = (t: TestContext, tenant: number, name: FeatureToggle, check: () => Promise<void>) => whileSet(t, tenant, 'features', { [name]: false }, { [name]: true }, check)

let registered = 0

/** Registers a new client on Alpha over REST, each from its own address (`body` adds to or overrides the defaults). */
export const registerOnAlpha = (t: TestContext, body: Record<string, unknown> = {}) => {
  registered += 1
  const email = `switch-${registered}-${Date.now()}@example.com`
  return t.api.post('/api/auth/register', { host: 'alpha.test', address: `198.51.100.${registered}`, body: { name: `Switch Tester ${registered}`, email, password: 'Switch-password-1', ...body } })
}
