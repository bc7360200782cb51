import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { lockWalletRow } from '@/db/locks'
import { convertPoints } from '@/domain/loyalty/points'

import { inTransaction } from '../inTransaction'
import { refuseWhileImpersonating } from '../sessions/impersonating'
import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { refuseWithoutWallet } from '../payments/walletSwitch'
import { changePoints } from './award'
import { loyaltyClient, pointsRefusal } from './client'
import { websiteLoyalty } from './settings'

/**
 * The caller converts `points` into wallet credit on the request's website (one that
 * offers a wallet), all or nothing in one transaction: under the account's lock the website's rules are checked
 * against the locked balance (minimum, multiples of it, maximum per conversion, enough
 * points: 422 naming `points` and the rule), a `convert` row takes the points, and a
 * journal entry credits the client's wallet from the loyalty expense account. The wallet
 * is locked before the account, the order refunds take too, so the two never deadlock.
 */
export const convertLoyaltyPoints = async (req: PayloadRequest, points: number): Promise<{ credited: number; points: number }> => {
  // Points turned into wallet credit are the client's money: never staff acting as them.
  refuseWhileImpersonating(req, 'points conversion')
  const { actor, tenant } = await loyaltyClient(req)
  // Credit needs a wallet: none on the website (`allowWallet` off), a 422 naming `points`.
  await refuseWithoutWallet(req, tenant.id, 'points')
  return inTransaction(req, async () => {
    const settings = await websiteLoyalty(req, tenant.id)
    if (!settings.enabled || !settings.conversionEnabled) throw pointsRefusal('this website does not convert points to credit.', 'conversion_off')
    const wallet = await ensureWallet(req, tenant.id, actor.id, 'client')
    await lockWalletRow(req, wallet.id, tenant.id)
    let credit = 0
    const reference = `loyalty:convert:${randomUUID()}`
    const row = await changePoints(req, { tenant: tenant.id, client: actor.id, kind: 'convert', reason: `Converted to wallet credit`, reference }, async (account) => {
      const outcome = convertPoints(points, account.balance, settings, { inMultiples: true })
      if (!outcome.ok) throw pointsRefusal(outcome.message, outcome.rule, { balance: account.balance })
      credit = outcome.credit
      return { points: -outcome.points }
    })
    if (!row) throw new Error(`conversion ${reference} wrote nothing`)
    await post(req, tenant.id, {
      reference,
      type: 'loyalty_conversion',
      memo: `${points} loyalty points converted to credit (transaction ${row.id})`,
      lines: [{ account: { system: 'loyalty_expense' }, debit: credit }, { account: { wallet: wallet.id }, credit }],
    })
    return { credited: credit, points: row.balanceAfter }
  })
}
