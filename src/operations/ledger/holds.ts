import type { PayloadRequest } from 'payload'

import type { EntryDraft } from '@/domain/ledger/entry'
import { execute, sql } from '@/db/execute'
import { lockWalletRow } from '@/db/locks'

import { type AccountRef, InsufficientFunds, post } from './post'

/**
 * Takes the wallet's row lock for the rest of the caller's transaction and reads it.
 * A hold changes no ledger account (the money is still owed to the owner): it only moves
 * the cached amount between `balance` (available) and `held`, so balance + held keeps
 * equal to the wallet's account, which is what the invariant checks.
 */
export const lockWallet = async (req: PayloadRequest, tenant: number, walletId: number) => {
  if (!req.transactionID) throw new Error('wallet holds must run inside a transaction')
  const wallet = await lockWalletRow(req, walletId, tenant)
  if (!wallet) throw new Error(`wallet ${walletId} is not on website ${tenant}`)
  return wallet
}

/**
 * Moves `amount` from available to held (positive) or back (negative), under the lock.
 * Holding more than is available is InsufficientFunds (422 with the shortfall); releasing
 * more than is held is a bug.
 */
export const shiftHeld = async (req: PayloadRequest, tenant: number, walletId: number, amount: number) => {
  const wallet = await lockWallet(req, tenant, walletId)
  if (amount > 0 && wallet.balance < amount) throw new InsufficientFunds(walletId, amount - wallet.balance)
  if (amount < 0 && wallet.held < -amount) throw new Error(`wallet ${walletId} holds ${wallet.held}, cannot release ${-amount}`)
  await execute(req, sql`UPDATE wallets SET balance = balance - ${amount}, held = held + ${amount}, updated_at = now() WHERE id = ${walletId}`)
}

/**
 * The held money leaves the wallet: the hold is released and, in the same transaction
 * and under the same lock, `entry` debits the wallet by the same amount (so `held` falls
 * and `balance` ends where it was).
 */
export const captureHeld = async (req: PayloadRequest, tenant: number, walletId: number, amount: number, entry: EntryDraft<AccountRef>) => {
  await shiftHeld(req, tenant, walletId, -amount)
  return post(req, tenant, entry)
}
