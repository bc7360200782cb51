import type { Role } from '@/domain/roles'
import { DEMO_PASSWORD } from '@/seed/demoData'

import type { TestContext } from './testPayload'

let made = 0

/**
 * A new person of website `tenant` with the role and the demo password, so a test counts
 * its own sessions, factors and failures instead of the seed's people's.
 */
export const newPerson = async (t: TestContext, tenant: number, role: Role = 'client') => {
  made += 1
  const email = `person-${role}-${made}-${Date.now()}@example.com`
  const user = await t.payload.create({ collection: 'users', data: { email, password: DEMO_PASSWORD, name: `Test Person ${made}`, roles: [role], tenants: [{ tenant }] }, depth: 0 })
  return { id: user.id, email }
}

/** Website `slug`'s id. */
export const websiteId = async (t: TestContext, slug: string): Promise<number> => {
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, depth: 0 })
  if (!docs[0]) throw new Error(`no website ${slug}`)
  return docs[0].id
}
