import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { monthlyLimitFlag, monthStart, type ReferralFlag } from '@/domain/referrals/abuse'
import type { Order, Referral } from '@/payload-types'

import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { awardPoints } from '../loyalty/award'
import { websiteLoyalty } from '../loyalty/settings'
import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'
import { recordEvent } from '../workflow/recordEvent'

import { bonusPaidSince } from './register'
import { type WebsiteReferrals, websiteReferrals } from './settings'

/** The flags a referral was held with (a JSON list the server writes). */
const flagsOf = (referral: Referral): ReferralFlag[] => (Array.isArray(referral.flags) ? (referral.flags as ReferralFlag[]) : [])

/** The referral, locked for the rest of the transaction (null: gone). */
export const lockReferral = async (req: PayloadRequest, id: number): Promise<Referral> => {
  await lockRow(req, 'referrals', id)
  return req.payload.findByID({ collection: 'referrals', id, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * Pays a referral, once: the wallet bonus to the referrer's client wallet from the
 * website's referral expense (a journal entry with a unique reference), the points to
 * both (unique references too), the referral marked rewarded, the referrer told live.
 * Where the website offers no wallet the bonus is 0 (`websiteReferrals`): the referral is
 * still rewarded, its record says 0 in the wallet and the referrer is told there is no
 * wallet bonus. Under the referral's lock, in the caller's transaction.
 */
export const payReferral = async (req: PayloadRequest, referral: Referral, settings: WebsiteReferrals, now: Date): Promise<Referral> => {
  const tenant = idOf(referral.tenant)!
  const referrer = idOf(referral.referrer)!
  const referee = idOf(referral.referee)!
  const order = idOf(referral.qualifyingOrder)
  const bonus = settings.referrerWalletBonus
  if (bonus > 0) {
    const wallet = await ensureWallet(req, tenant, referrer, 'client')
    await post(req, tenant, {
      reference: `referral:${referral.id}:wallet`,
      type: 'referral_bonus',
      memo: `Referral bonus: referral ${referral.id}`,
      lines: [{ account: { system: 'referral_expense' }, debit: bonus }, { account: { wallet: wallet.id }, credit: bonus }],
    })
  }
  const reason = `Referral ${referral.id}`
  // Points only where the website runs a loyalty programme; the wallet bonus is the referral's own.
  const points = (await websiteLoyalty(req, tenant)).enabled ? { referrer: settings.referrerPoints, referee: settings.refereePoints } : { referrer: 0, referee: 0 }
  if (points.referrer > 0) await awardPoints(req, { tenant, client: referrer, points: points.referrer, kind: 'referral', reason: `${reason}: a client you referred`, reference: `referral:${referral.id}:referrer-points`, order })
  if (points.referee > 0) await awardPoints(req, { tenant, client: referee, points: points.referee, kind: 'referral', reason: `${reason}: your first order`, reference: `referral:${referral.id}:referee-points`, order })
  const reward = { walletCents: bonus, referrerPoints: points.referrer, refereePoints: points.referee }
  const paid = await req.payload.update({ collection: 'referrals', id: referral.id, data: { status: 'rewarded', reward, rewardedAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
  const skipped = settings.walletBonusSkipped ? { walletBonusSkipped: true } : {}
  await notify(req, { event: 'referral.rewarded', recipients: [referrer], tenant, data: { referral: referral.id, ...reward, ...skipped, currency: await websiteCurrency(req, tenant) }, key: `referral.rewarded:${referral.id}` })
  return paid
}

/**
 * The order `approve` effect's hook (manual and automatic approval, in the action's
 * transaction): the referee's first paid and approved order qualifies their referral.
 * A pending referral is paid now, unless the referrer's monthly bonus limit would be
 * passed (then held, flag `monthly_limit`); a held one keeps the order and is paid when
 * staff release it; a rewarded or voided one, or any later order, changes nothing.
 */
export const rewardReferral = async (req: PayloadRequest, order: Order, now: Date): Promise<void> => {
  if (order.paymentStatus !== 'fully_paid' || order.total <= 0) return
  const tenant = idOf(order.tenant)
  const client = idOf(order.client)
  if (tenant === null || client === null) return
  const { docs } = await req.payload.find({
    collection: 'referrals',
    where: { and: [{ tenant: { equals: tenant } }, { referee: { equals: client } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { status: true },
    ...asSystem(proofOf(req)),
    req,
  })
  if (!docs[0]) return
  const referral = await lockReferral(req, docs[0].id)
  // Only the first qualifying order counts: approving it again, or another order, does nothing.
  if (idOf(referral.qualifyingOrder) !== null) return
  if (referral.status !== 'pending' && referral.status !== 'held') return
  const qualified = await req.payload.update({ collection: 'referrals', id: referral.id, data: { qualifyingOrder: order.id }, depth: 0, ...asSystem(proofOf(req)), req })
  if (referral.status === 'held') return
  const settings = await websiteReferrals(req, tenant)
  const limit = monthlyLimitFlag(await bonusPaidSince(req, tenant, idOf(referral.referrer)!, monthStart(now)), settings.referrerWalletBonus, settings)
  if (limit) {
    const flags: ReferralFlag[] = [...flagsOf(referral), limit]
    await req.payload.update({ collection: 'referrals', id: referral.id, data: { status: 'held', flags }, depth: 0, ...asSystem(proofOf(req)), req })
    await recordEvent(req, { collection: 'referrals', document: referral.id, tenant, action: 'hold', actor: null, from: 'pending', to: 'held', reason: limit.rule, data: { flags: [limit], order: order.id } })
    return
  }
  await payReferral(req, qualified, settings, now)
  await recordEvent(req, { collection: 'referrals', document: referral.id, tenant, action: 'reward', actor: null, from: 'pending', to: 'rewarded', data: { order: order.id, walletCents: settings.referrerWalletBonus, ...(settings.walletBonusSkipped ? { walletBonusSkipped: true } : {}) } })
}
