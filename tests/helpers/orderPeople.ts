import { DEMO_PASSWORD } from '@/seed/demoData'

import { placeOrderFor } from './tenantFixtures'
import type { TestContext } from './testPayload'

/** The people of website Alpha that order tests act as, plus a client of Beta and nobody. */
export const ALPHA_PEOPLE = ['client', 'client2', 'writer', 'writer2', 'admin', 'support', 'editor'] as const
export type Who = (typeof ALPHA_PEOPLE)[number] | 'betaClient' | 'anonymous'

export type OrderPeople = {
  alphaId: number
  betaId: number
  tokens: Partial<Record<Who, string>>
  ids: Partial<Record<Who, number>>
  /** Request options as `who`, on their own website's host. */
  as: (who: Who) => { host: string; token: string | undefined }
  /** An order of client@alpha.test that writer@alpha.test works on (with `changes` applied). */
  workingOrder: (changes?: Record<string, unknown>) => Promise<{ id: number }>
}

/** Logs everyone in once, over REST, on their own website. */
export const orderPeople = async (t: TestContext): Promise<OrderPeople> => {
  const { docs } = await t.payload.find({ collection: 'tenants', depth: 0 })
  const alphaId = docs.find((d) => d.slug === 'alpha')!.id
  const betaId = docs.find((d) => d.slug === 'beta')!.id
  const tokens: OrderPeople['tokens'] = {}
  const ids: OrderPeople['ids'] = {}
  for (const who of ALPHA_PEOPLE) {
    tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: 'alpha.test' })
    const { docs: users } = await t.payload.find({ collection: 'users', where: { email: { equals: `${who}@alpha.test` } }, depth: 0 })
    ids[who] = users[0]!.id
  }
  tokens.betaClient = await t.api.login('client@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
  return {
    alphaId,
    betaId,
    tokens,
    ids,
    as: (who) => ({ host: who === 'betaClient' ? 'beta.test' : 'alpha.test', token: tokens[who] }),
    workingOrder: async (changes = {}) => {
      const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
      return t.payload.update({ collection: 'orders', id: order.id, data: { status: 'in_progress', writer: ids.writer, ...changes }, depth: 0 })
    },
  }
}

/** The people billing tests act as: everyone of `orderPeople` plus Beta's admin, with plain maps. */
export const billingPeople = async (t: TestContext) => {
  const people = await orderPeople(t)
  const tokens: Record<string, string> = { ...(people.tokens as Record<string, string>), betaAdmin: await t.api.login('admin@beta.test', DEMO_PASSWORD, { host: 'beta.test' }) }
  return { tokens, ids: people.ids as Record<string, number>, alpha: people.alphaId }
}
