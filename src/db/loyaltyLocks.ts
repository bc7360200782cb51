import type { PayloadRequest } from 'payload'

import { execute, sql } from './execute'

/** A client's loyalty account, locked, with its cached amounts. */
export type LockedLoyaltyAccount = { id: number; balance: number; lifetimeEarned: number; tier: string | null }

type AccountRow = { id: number; balance: string | number; lifetime_earned: string | number; tier: string | null }

/**
 * The client's loyalty account on `tenant`, created on first use and locked for the rest
 * of the transaction. Two first uses at once both insert-or-skip (the unique (tenant,
 * client) index decides) and then queue on the one row's lock, so neither fails nor
 * creates a second account.
 */
export const lockLoyaltyAccount = async (req: PayloadRequest, tenant: number, client: number): Promise<LockedLoyaltyAccount> => {
  await execute(
    req,
    sql`INSERT INTO loyalty_accounts (tenant_id, client_id, balance, lifetime_earned, updated_at, created_at)
        VALUES (${tenant}, ${client}, 0, 0, now(), now()) ON CONFLICT (tenant_id, client_id) DO NOTHING`,
  )
  const [row] = await execute<AccountRow>(req, sql`SELECT id, balance, lifetime_earned, tier FROM loyalty_accounts WHERE tenant_id = ${tenant} AND client_id = ${client} FOR UPDATE`)
  if (!row) throw new Error(`loyalty account of client ${client} on website ${tenant} vanished`)
  return { id: row.id, balance: Number(row.balance), lifetimeEarned: Number(row.lifetime_earned), tier: row.tier }
}

/** Writes the cached amounts of a locked account (the caller holds its lock and wrote the transaction row). */
export const storeLoyaltyAccount = async (req: PayloadRequest, account: LockedLoyaltyAccount): Promise<void> => {
  await execute(req, sql`UPDATE loyalty_accounts SET balance = ${account.balance}, lifetime_earned = ${account.lifetimeEarned}, tier = ${account.tier}, updated_at = now() WHERE id = ${account.id}`)
}

/** The earlier transaction with `reference`, if any (read under the account's lock, so a retry sees the first). */
export const loyaltyTransactionId = async (req: PayloadRequest, reference: string): Promise<number | null> => {
  const [row] = await execute<{ id: number }>(req, sql`SELECT id FROM loyalty_transactions WHERE reference = ${reference}`)
  return row?.id ?? null
}

/**
 * What an order did to its client's points so far: earned on approval, and taken back by
 * reversals (the points taken plus the shortfall each recorded), read under the account's lock.
 */
export const orderPointsSoFar = async (req: PayloadRequest, orderId: number): Promise<{ earned: number; reversed: number }> => {
  const [row] = await execute<{ earned: string | number | null; reversed: string | number | null }>(
    req,
    sql`SELECT COALESCE(SUM(points) FILTER (WHERE kind = 'earn'), 0) AS earned,
               COALESCE(SUM(-points + COALESCE(shortfall, 0)) FILTER (WHERE kind = 'reversal'), 0) AS reversed
        FROM loyalty_transactions WHERE order_id = ${orderId}`,
  )
  return { earned: Number(row?.earned ?? 0), reversed: Number(row?.reversed ?? 0) }
}

type RewardRow = { id: number; active: boolean | null; stock: string | number | null; max_per_client: string | number | null; points_required: string | number }

/** A reward of `tenant`, locked (its stock moves under this lock); null when the website has no such reward. */
export const lockReward = async (req: PayloadRequest, rewardId: number, tenant: number) => {
  const [row] = await execute<RewardRow>(req, sql`SELECT id, active, stock, max_per_client, points_required FROM loyalty_rewards WHERE id = ${rewardId} AND tenant_id = ${tenant} FOR UPDATE`)
  if (!row) return null
  const count = (v: string | number | null) => (v === null ? null : Number(v))
  return { id: row.id, active: row.active ?? false, stock: count(row.stock), maxPerClient: count(row.max_per_client), pointsRequired: Number(row.points_required) }
}

/** Moves a locked reward's stock by `delta` (a reward without stock, unlimited, stays so). */
export const moveRewardStock = async (req: PayloadRequest, rewardId: number, delta: number): Promise<void> => {
  await execute(req, sql`UPDATE loyalty_rewards SET stock = stock + ${delta}, updated_at = now() WHERE id = ${rewardId} AND stock IS NOT NULL`)
}

/** Locks one redemption's row (its actions run one after another). */
export const lockRedemptionRow = async (req: PayloadRequest, redemptionId: number): Promise<boolean> => {
  const rows = await execute(req, sql`SELECT id FROM loyalty_redemptions WHERE id = ${redemptionId} FOR UPDATE`)
  return rows.length > 0
}
