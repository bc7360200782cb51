import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { adminOfVisible } from '../gate'
import { inTransaction } from '../inTransaction'
import { post } from '../ledger/post'
import { refuseWhileImpersonating } from '../sessions/impersonating'
import { asSystem, proofOf } from '@/access/system'

/**
 * An admin credits or debits a wallet of their website, with a required reason, as a
 * journal entry against manual adjustments (a debit never takes it below zero: 422 with
 * the shortfall). Each adjustment is a new entry: a retry is made safe by the caller's
 * Idempotency-Key.
 */
export const adjustWallet = async (req: PayloadRequest, walletId: number, input: { direction: 'credit' | 'debit'; amount: number; reason: string }) => {
  refuseWhileImpersonating(req, 'wallet adjustment')
  const { actor, tenant } = await adminOfVisible(req, 'wallets', walletId, 'Only an admin of the website adjusts a wallet.')
  return inTransaction(req, async () => {
    const toWallet = input.direction === 'credit'
    const entry = await post(req, tenant, {
      reference: `adjustment:wallet:${walletId}:${randomUUID()}`,
      type: toWallet ? 'admin_credit' : 'admin_debit',
      memo: `${input.reason} (by user ${actor.id})`,
      lines: toWallet
        ? [{ account: { system: 'manual_adjustments' }, debit: input.amount }, { account: { wallet: walletId }, credit: input.amount }]
        : [{ account: { wallet: walletId }, debit: input.amount }, { account: { system: 'manual_adjustments' }, credit: input.amount }],
    })
    const after = await req.payload.findByID({ collection: 'wallets', id: walletId, depth: 0, ...asSystem(proofOf(req)), req })
    return { entry: { id: entry.id, reference: entry.reference, type: entry.type }, wallet: { id: after.id, balance: after.balance, held: after.held, currency: after.currency } }
  })
}
