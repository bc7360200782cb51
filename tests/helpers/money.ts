import { createLocalReq, type Payload } from 'payload'
import { expect } from 'vitest'

import { inTransaction } from '@/operations/inTransaction'
import { post } from '@/operations/ledger/post'
import { ensureWallet } from '@/operations/ledger/wallets'
import { ledgerViolations } from '@/operations/ledger/invariants'

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
