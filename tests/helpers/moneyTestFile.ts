import { afterAll, beforeAll } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { expectLedgerSound } from './money'
import { billingPeople } from './orderPeople'
import { startTestPayload, type TestContext } from './testPayload'

export type MoneyTest = { t: TestContext; tokens: Record<string, string>; ids: Record<string, number>; alpha: number }

/**
 * A money test file's set-up: its own Payload and the billing people logged in (a
 * superadmin too when asked) before its tests, handed to `ready`; after them, every
 * journal entry must balance and every wallet equal its ledger, then Payload closes.
 */
export const moneyTestFile = (ready: (test: MoneyTest) => void | Promise<void>, options: { superadmin?: boolean } = {}) => {
  let t: TestContext | undefined
  beforeAll(async () => {
    t = await startTestPayload()
    const people = await billingPeople(t)
    if (options.superadmin) people.tokens.superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD, { host: 'alpha.test' })
    await ready({ t, ...people })
  })
  afterAll(async () => {
    if (t) await expectLedgerSound(t.payload)
    await t?.close()
  })
}
