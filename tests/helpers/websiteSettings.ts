import type { Payload } from 'payload'

/**
 * Runs `check` with a website's `settings` changed by `during`, and set back by `after`
 * whatever happens: a flip test sees the difference a setting makes, and the next test
 * finds the website as it was.
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
