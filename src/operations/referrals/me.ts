import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { referralLink, refereeLabel } from '@/domain/referrals/settings'
import { ClientError } from '@/errors'

import { requestMember } from '../gate'

import { ensureReferralCode } from './codes'

/** The referrals a referrer sees listed, newest first. */
const LISTED = 100

/**
 * `GET /api/referrals/me`: the calling client's code (given on first need), the link to
 * share and their referrals, each with its status, what it paid and the referee as a
 * first name or a masked email, nothing more. Only the website's clients have codes.
 */
export const myReferrals = async (req: PayloadRequest) => {
  const { actor, tenant } = await requestMember(req)
  if (!actor.roles.includes('client')) throw new ClientError('Referral codes are for the website’s clients.', 403)
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant.id, depth: 0, select: { domains: true, slug: true }, ...asSystem(proofOf(req)), req })
  const code = await ensureReferralCode(req, actor.id)
  const { docs } = await req.payload.find({
    collection: 'referrals',
    where: { and: [{ tenant: { equals: tenant.id } }, { referrer: { equals: actor.id } }] },
    sort: '-createdAt',
    limit: LISTED,
    depth: 0,
    select: { referee: true, status: true, reward: true, createdAt: true },
    ...asSystem(proofOf(req)),
    req,
  })
  const ids = docs.map((r) => (typeof r.referee === 'number' ? r.referee : r.referee?.id)).filter((id): id is number => typeof id === 'number')
  const { docs: people } = ids.length
    ? await req.payload.find({ collection: 'users', where: { id: { in: ids } }, limit: ids.length, pagination: false, depth: 0, select: { name: true, email: true }, ...asSystem(proofOf(req)), req })
    : { docs: [] }
  const byId = new Map(people.map((p) => [p.id, p]))
  // The website's domain the client is on (a website may answer on several), else its first.
  const host = req.headers.get('host')?.split(':')[0]?.toLowerCase()
  const domains = (website.domains ?? []).map((d) => d.domain)
  const domain = domains.find((d) => d === host) ?? domains[0] ?? `${website.slug}.localhost`
  return {
    code,
    link: referralLink(domain, code),
    referrals: docs.map((r) => {
      const referee = byId.get(typeof r.referee === 'number' ? r.referee : (r.referee?.id ?? 0))
      const paid = r.status === 'rewarded'
      return {
        status: r.status,
        reward: paid ? { walletCents: r.reward?.walletCents ?? 0, points: r.reward?.referrerPoints ?? 0 } : null,
        createdAt: r.createdAt,
        referee: referee ? refereeLabel(referee) : '***',
      }
    }),
  }
}
