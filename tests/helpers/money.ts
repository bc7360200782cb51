import { createLocalReq, type Payload } from 'payload'
import { expect } from 'vitest'

import { idOf } from '@/access/actor'
import { inTransaction } from '@/operations/inTransaction'
import { post } from '@/operations/ledger/post'
import { ensureWallet } from '@/operations/ledger/wallets'
import { ledgerViolations } from '@/operations/ledger/invariants'
import { DEMO_PASSWORD, demoEmail } from '@/seed/demoData'

import type { TestContext } from './testPayload'

/** After every money test file: every entry balances, every wallet equals its ledger, nothing is negative. */
export const expectLedgerSound = async (payload: Payload) => {
  expect(await ledgerViolations(payload)).toEqual([])
}

/** Puts money in a client's wallet the way a settled top-up does (gateway → wallet). */
export const fundWallet = async (payload: Payload, tenant: number, owner: number, amount: number, reference: string) => {
  const req = await createLocalReq({}, payload)
  return inTransaction(req, async () => {
    const wallet = await ensureWallet(req, tenant, owner, 'client')
    await post(req, tenant, { reference, type: 'client_wallet_top_up', lines: [{ account: { system: 'gateway_clearing' }, debit: amount }, { account: { wallet: wallet.id }, credit: amount }] })
    return wallet.id
  })
}

const adminTokens = new WeakMap<TestContext, Map<number, string>>()

/**
 * Confirms a manual payment as the money's arrival is recorded: over REST, by the demo
 * admin of the payment's website (logged in once per test file), never by the payer.
 */
export const confirmAsAdmin = async (t: TestContext, paymentId: number, body: Record<string, unknown> = {}) => {
  const payment = await t.payload.findByID({ collection: 'payments', id: paymentId, depth: 0 })
  const tenant = await t.payload.findByID({ collection: 'tenants', id: idOf(payment.tenant)!, depth: 0 })
  const host = tenant.domains.find((d) => d.domain.endsWith('.test'))?.domain ?? tenant.domains[0]!.domain
  const tokens = adminTokens.get(t) ?? new Map<number, string>()
  adminTokens.set(t, tokens)
  const token = tokens.get(tenant.id) ?? (await t.api.login(demoEmail('admin', tenant.slug), DEMO_PASSWORD, { host }))
  tokens.set(tenant.id, token)
  return t.api.post(`/api/payments/${paymentId}/confirm`, { host, token, body })
}
