import type { PayloadRequest } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import { ensureReferralCode } from '@/operations/referrals/codes'

import { demoEmail } from './demoData'

/**
 * The demo's referral on each website: `client2` registered with `client`'s code, the
 * referral pending until client2's first order is paid and approved. Idempotent.
 */
export const ensureDemoReferral = async (req: PayloadRequest, proof: SystemProof, tenant: number, slug: string): Promise<boolean> => {
  const people = await req.payload.find({
    collection: 'users',
    where: { email: { in: [demoEmail('client', slug), demoEmail('client2', slug)] } },
    depth: 0,
    limit: 2,
    pagination: false,
    select: { email: true },
    ...asSystem(proof),
    req,
  })
  const referrer = people.docs.find((u) => u.email === demoEmail('client', slug))
  const referee = people.docs.find((u) => u.email === demoEmail('client2', slug))
  if (!referrer || !referee) return false
  const existing = await req.payload.count({ collection: 'referrals', where: { referee: { equals: referee.id } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return false
  const code = await ensureReferralCode(req, referrer.id)
  await req.payload.update({ collection: 'users', id: referee.id, data: { referredBy: referrer.id }, depth: 0, ...asSystem(proof), req })
  await req.payload.create({ collection: 'referrals', data: { tenant, referrer: referrer.id, referee: referee.id, code, status: 'pending', flags: [] }, depth: 0, ...asSystem(proof), req })
  return true
}
