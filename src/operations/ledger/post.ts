import type { PayloadRequest } from 'payload'

import { type EntryDraft, entryProblem } from '@/domain/ledger/entry'
import { execute, sql } from '@/db/execute'
import { type LockedWallet, lockWalletRow } from '@/db/locks'
import { ClientError } from '@/errors'
import { asSystem, proofOf } from '@/access/system'

import { accountId } from './accounts'

/** A line names a system account by code, or a wallet by id (its account is the wallet's own). */
export type AccountRef = { system: string } | { wallet: number }

export class InsufficientFunds extends ClientError {
  constructor(
    readonly walletId: number,
    readonly shortfall: number,
  ) {
    super(`Insufficient funds: ${shortfall} cents short.`, 422, { wallet: walletId, shortfall })
  }
}

/**
 * The one way to write the ledger, always inside the caller's transaction (`req`):
 * checks the entry balances, locks every wallet it touches (in id order, so two entries
 * never deadlock), moves their cached balances with the entry (never below zero:
 * InsufficientFunds, 422 with the shortfall), and stores the entry. A reference used
 * before is a unique violation: the whole transaction fails, so nothing posts twice.
 */
export const post = async (req: PayloadRequest, tenant: number, draft: EntryDraft<AccountRef>) => {
  if (!req.transactionID) throw new Error('post() must run inside a transaction')
  const problem = entryProblem(draft)
  if (problem) throw new Error(`refusing to post ${draft.reference}: ${problem}`)

  const walletIds = [...new Set(draft.lines.flatMap((l) => ('wallet' in l.account ? [l.account.wallet] : [])))].sort((a, b) => a - b)
  const wallets = new Map<number, LockedWallet>()
  for (const id of walletIds) {
    const row = await lockWalletRow(req, id, tenant)
    if (!row) throw new Error(`wallet ${id} is not on website ${tenant}`)
    wallets.set(id, row)
  }
  // A wallet's account is a liability: credits raise the balance, debits lower it.
  const delta = new Map<number, number>()
  for (const line of draft.lines) {
    if ('wallet' in line.account) delta.set(line.account.wallet, (delta.get(line.account.wallet) ?? 0) + (line.credit ?? 0) - (line.debit ?? 0))
  }
  for (const [id, change] of delta) {
    const wallet = wallets.get(id)!
    const next = wallet.balance + change
    if (next < 0) throw new InsufficientFunds(id, -next)
  }

  const lines = []
  for (const line of draft.lines) {
    const account = 'wallet' in line.account ? wallets.get(line.account.wallet)!.accountId : await accountId(req, tenant, line.account.system)
    if (!account) throw new Error(`wallet ${JSON.stringify(line.account)} has no ledger account`)
    lines.push({ account, debit: line.debit ?? 0, credit: line.credit ?? 0 })
  }
  for (const [id, change] of delta) {
    if (change !== 0) await execute(req, sql`UPDATE wallets SET balance = balance + ${change}, updated_at = now() WHERE id = ${id}`)
  }
  return req.payload.create({
    collection: 'journal-entries',
    data: { tenant, reference: draft.reference, type: draft.type, memo: draft.memo ?? null, lines },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}
