import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { type LockedLoyaltyAccount, lockLoyaltyAccount, loyaltyTransactionId, storeLoyaltyAccount } from '@/db/loyaltyLocks'
import { type LoyaltyKind, nextBalance } from '@/domain/loyalty/ledger'
import { tierOf } from '@/domain/loyalty/points'
import type { LoyaltyTransaction } from '@/payload-types'

import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'

import { pointsRefusal } from './client'
import { websiteLoyalty } from './settings'

export type PointsChange = {
  tenant: number
  client: number
  /** Signed: positive adds, negative takes away (never below zero). */
  points: number
  kind: LoyaltyKind
  reason: string
  /** Unique over all transactions: a retry with the same reference changes nothing and returns null. */
  reference: string
  order?: number | null
  /** A reversal: points that could not be taken back. */
  shortfall?: number | null
}

/** Kinds that add to what the client has ever earned (and reversals, which take it back). */
const EARNING: ReadonlySet<LoyaltyKind> = new Set(['earn', 'referral', 'admin', 'reversal'])

/** Kinds of points given to the client, which they are told of (`loyalty.points_awarded`). */
const TOLD: ReadonlySet<LoyaltyKind> = new Set(['earn', 'referral', 'admin'])

/** What a change is, decided under the account's lock from the locked balance (null: nothing to write). */
export type PointsPlan = (account: LockedLoyaltyAccount) => Promise<{ points: number; shortfall?: number | null } | null>

/**
 * Changes a client's points by one ledger row: under the account's row lock (created on
 * first use), the row with its unique reference and the cached balance (previous +
 * points) and tier are written in one transaction, so the balance always equals the sum
 * of the rows. A reference already used returns null and writes nothing; a change that
 * would take the balance below zero is a 422 naming `points` and writes nothing. `plan`,
 * when given, decides the points under the lock (a caller's checks against the locked
 * balance, a reversal's amount); it may refuse by throwing or skip by returning null.
 */
export const changePoints = async (req: PayloadRequest, change: Omit<PointsChange, 'points'> & { points?: number }, plan?: PointsPlan): Promise<LoyaltyTransaction | null> =>
  inTransaction(req, async () => {
    const account = await lockLoyaltyAccount(req, change.tenant, change.client)
    if ((await loyaltyTransactionId(req, change.reference)) !== null) return null
    const planned = plan ? await plan(account) : { points: change.points ?? 0, shortfall: change.shortfall }
    if (planned === null) return null
    const { points, shortfall } = planned
    if (!Number.isSafeInteger(points)) throw new Error(`loyalty points must be whole, got ${points}`)
    const balance = nextBalance(account.balance, points)
    if (balance === null) throw pointsRefusal(`not enough points (you have ${account.balance}).`, 'insufficient_points', { balance: account.balance })
    const settings = await websiteLoyalty(req, change.tenant)
    const row = await req.payload.create({
      collection: 'loyalty-transactions',
      data: {
        tenant: change.tenant,
        client: change.client,
        account: account.id,
        points,
        kind: change.kind,
        reason: change.reason.slice(0, 500),
        reference: change.reference,
        order: change.order ?? null,
        balanceAfter: balance,
        shortfall: shortfall ?? null,
      },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    const earned = EARNING.has(change.kind) ? Math.max(0, account.lifetimeEarned + points) : account.lifetimeEarned
    const before = tierOf(account.balance, settings.tiers).tier
    const after = tierOf(balance, settings.tiers).tier
    await storeLoyaltyAccount(req, { id: account.id, balance, lifetimeEarned: earned, tier: after?.name ?? null })
    // The client hears of points given to them (not of their own conversions and redemptions) and of a tier reached.
    if (points > 0 && TOLD.has(change.kind)) {
      await notify(req, { event: 'loyalty.points_awarded', recipients: [change.client], tenant: change.tenant, data: { transaction: row.id, points, balance, reason: change.reason }, key: `loyalty.points_awarded:${row.id}` })
    }
    if (after && after.threshold > (before?.threshold ?? Number.NEGATIVE_INFINITY)) {
      await notify(req, { event: 'loyalty.tier_upgraded', recipients: [change.client], tenant: change.tenant, data: { transaction: row.id, tier: after.name, balance }, key: `loyalty.tier_upgraded:${row.id}` })
    }
    return row
  })

/**
 * Awards (or, for an `admin` correction, takes back) points: the shared entry of the
 * contract (referrals reward referrers and referees with it). Takes the account's row
 * lock; a repeated `reference` returns null and changes nothing.
 */
export const awardPoints = async (
  req: PayloadRequest,
  award: { tenant: number; client: number; points: number; kind: LoyaltyKind; reason: string; reference: string; order?: number | null },
): Promise<LoyaltyTransaction | null> => changePoints(req, award)
