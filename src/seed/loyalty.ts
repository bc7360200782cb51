import type { PayloadRequest } from 'payload'

import { asSystem, systemProof } from '@/access/system'
import { awardPoints } from '@/operations/loyalty/award'

const proof = systemProof('seed (demo loyalty)')

/** The demo tiers (reference §8.1's bronze to platinum), as every demo website has them. */
export const DEMO_TIERS = [
  { name: 'Bronze', threshold: 0, discountPercent: 0, perks: 'Points on every approved order.' },
  { name: 'Silver', threshold: 500, discountPercent: 3, perks: '3 % off every order.' },
  { name: 'Gold', threshold: 1500, discountPercent: 5, perks: '5 % off every order.' },
  { name: 'Platinum', threshold: 5000, discountPercent: 8, perks: '8 % off every order and priority support.' },
]

/** Points the demo client of Alpha starts with, so the loyalty pages have something to show. */
export const DEMO_CLIENT_POINTS = 250

/**
 * A demo website's loyalty: the tiers (when it has none), two catalogue rewards (when
 * it has none) and, on Alpha, a few points for its demo client (once, by reference).
 * Returns whether anything was made.
 */
export const ensureLoyalty = async (req: PayloadRequest, tenant: number, slug: string): Promise<boolean> => {
  let made = false
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proof), req, select: { settings: true } })
  if (!website.settings?.loyalty?.tiers?.length) {
    await req.payload.update({ collection: 'tenants', id: tenant, data: { settings: { loyalty: { tiers: DEMO_TIERS } } }, depth: 0, ...asSystem(proof), req })
    made = true
  }
  const { totalDocs: rewards } = await req.payload.count({ collection: 'loyalty-rewards', where: { tenant: { equals: tenant } }, ...asSystem(proof), req })
  if (rewards === 0) {
    await req.payload.create({
      collection: 'loyalty-rewards',
      data: { tenant, name: '10 % off your next order', description: 'A single-use code for you alone.', pointsRequired: 300, kind: 'discount_code', discountKind: 'percentage', discountValue: 10, stock: null, maxPerClient: 3, active: true },
      depth: 0,
      ...asSystem(proof),
      req,
    })
    await req.payload.create({
      collection: 'loyalty-rewards',
      data: { tenant, name: 'Free plagiarism report', description: 'Sent with your next delivery.', pointsRequired: 150, kind: 'perk', stock: 50, maxPerClient: 1, active: true },
      depth: 0,
      ...asSystem(proof),
      req,
    })
    made = true
  }
  if (slug === 'alpha') {
    const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0, limit: 1, ...asSystem(proof), req })
    const client = docs[0]
    if (client) {
      const row = await awardPoints(req, { tenant, client: client.id, points: DEMO_CLIENT_POINTS, kind: 'admin', reason: 'Welcome points (demo)', reference: `seed:loyalty:${tenant}:${client.id}` })
      if (row) made = true
    }
  }
  return made
}
