import type { PayloadRequest, Where } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { LoyaltyTier } from '@/domain/loyalty/ledger'
import { tierOf } from '@/domain/loyalty/points'

import { loyaltyClient } from './client'
import { websiteLoyalty } from './settings'

export type LoyaltyStatement = {
  points: number
  tier: LoyaltyTier | null
  nextTier: LoyaltyTier | null
  pointsToNextTier: number | null
  transactions: { id: number; kind: string; points: number; balanceAfter: number; reason: string; order: number | null; at: string }[]
}

/** The caller's points on the request's website, their tier and the next, and their latest 20 transactions; no account yet reads as 0 points. */
export const myLoyalty = async (req: PayloadRequest): Promise<LoyaltyStatement> => {
  const { actor, tenant } = await loyaltyClient(req)
  const settings = await websiteLoyalty(req, tenant.id)
  const mine: Where = { and: [{ tenant: { equals: tenant.id } }, { client: { equals: actor.id } }] }
  const { docs: accounts } = await req.payload.find({ collection: 'loyalty-accounts', where: mine, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  const { docs: rows } = await req.payload.find({ collection: 'loyalty-transactions', where: mine, sort: '-id', depth: 0, limit: 20, pagination: false, ...asSystem(proofOf(req)), req })
  const points = accounts[0]?.balance ?? 0
  const tiers = settings.tiers
  const placed = tierOf(points, tiers)
  const full = (t: { name: string } | null) => (t ? (tiers.find((x) => x.name === t.name) ?? null) : null)
  return {
    points,
    tier: full(placed.tier),
    nextTier: full(placed.nextTier),
    pointsToNextTier: placed.pointsToNextTier,
    transactions: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      points: r.points,
      balanceAfter: r.balanceAfter,
      reason: r.reason,
      order: typeof r.order === 'number' ? r.order : (r.order?.id ?? null),
      at: r.createdAt,
    })),
  }
}
