import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockKey } from '@/db/locks'
import { minutesBefore, monthStart, registrationFlags } from '@/domain/referrals/abuse'
import { normalizeReferralCode, type ReferralSettings } from '@/domain/referrals/settings'
import { ClientError } from '@/errors'
import type { Referral } from '@/payload-types'

import { notify } from '../notifications/notify'
import { recordEvent } from '../workflow/recordEvent'

import { websiteReferrals } from './settings'

/** The referrer a registration names, with what the abuse rules compare the referee to. */
export type Referrer = { id: number; code: string; ip: string | null; userAgent: string | null; settings: ReferralSettings }

const refuse = (message: string) => new ClientError(message, 400, { errors: [{ path: 'referralCode', message }] })

/**
 * The client of `tenant` whose code was given at registration: a 400 naming
 * `referralCode` for a code nobody there has (another website's code included) or when
 * the website has no referral programme, so the registration writes nothing.
 */
export const findReferrer = async (req: PayloadRequest, tenant: number, given: string): Promise<Referrer> => {
  const settings = await websiteReferrals(req, tenant)
  if (!settings.enabled) throw refuse('This website does not take referral codes.')
  const code = normalizeReferralCode(given)
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { and: [{ referralCode: { equals: code } }, { 'tenants.tenant': { equals: tenant } }, { roles: { in: ['client'] } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { registrationIp: true, registrationUserAgent: true },
    ...asSystem(proofOf(req)),
    req,
  })
  const referrer = docs[0]
  if (!referrer) throw refuse('No client of this website has this referral code.')
  return { id: referrer.id, code, ip: referrer.registrationIp ?? null, userAgent: referrer.registrationUserAgent ?? null, settings }
}

/** Wallet bonus paid to the referrer since `since` (the monthly limit's measure). */
export const bonusPaidSince = async (req: PayloadRequest, tenant: number, referrer: number, since: Date): Promise<number> => {
  const [row] = await execute<{ total: string | null }>(
    req,
    sql`SELECT SUM(reward_wallet_cents) AS total FROM referrals WHERE tenant_id = ${tenant} AND referrer_id = ${referrer} AND status = 'rewarded' AND rewarded_at >= ${since.toISOString()}`,
  )
  return Number(row?.total ?? 0)
}

const referralsWhere = async (req: PayloadRequest, where: Parameters<PayloadRequest['payload']['count']>[0]['where']) =>
  (await req.payload.count({ collection: 'referrals', where, ...asSystem(proofOf(req)), req })).totalDocs

/**
 * The referral of a client who registered with `referrer`'s code, in the registration's
 * transaction: `pending`, or `held` with the abuse rules' flags (same address or browser
 * as the referrer, an address or referrer bringing too many too fast, the monthly
 * limits). The registration succeeds either way. Registrations naming one referrer (or
 * coming from one address) are serialised so that racing ones count each other.
 */
export const recordReferral = async (
  req: PayloadRequest,
  args: { tenant: number; referrer: Referrer; referee: number; ip: string | null; userAgent: string | null; now: Date },
): Promise<Referral> => {
  const { tenant, referrer, referee, ip, userAgent, now } = args
  const settings = referrer.settings
  await lockKey(req, `referrals:referrer:${referrer.id}`)
  if (ip) await lockKey(req, `referrals:ip:${tenant}:${ip}`)
  const since = (date: Date) => ({ createdAt: { greater_than_equal: date.toISOString() } })
  const facts = {
    referrer: referrer.id,
    referee,
    refereeIp: ip,
    refereeUserAgent: userAgent,
    referrerIp: referrer.ip,
    referrerUserAgent: referrer.userAgent,
    refereeReferrals: await referralsWhere(req, { referee: { equals: referee } }),
    sameIpReferrals: ip ? await referralsWhere(req, { and: [{ tenant: { equals: tenant } }, { refereeIp: { equals: ip } }, since(new Date(now.getTime() - settings.sameIpWindowDays * 86_400_000))] }) : 0,
    referrerRecentReferrals: await referralsWhere(req, { and: [{ referrer: { equals: referrer.id } }, since(minutesBefore(now, settings.burstMinutes))] }),
    referrerReferralsThisMonth: await referralsWhere(req, { and: [{ referrer: { equals: referrer.id } }, since(monthStart(now))] }),
    referrerBonusThisMonth: await bonusPaidSince(req, tenant, referrer.id, monthStart(now)),
  }
  const flags = registrationFlags(facts, settings)
  const referral = await req.payload.create({
    collection: 'referrals',
    data: {
      tenant,
      referrer: referrer.id,
      referee,
      code: referrer.code,
      status: flags.length > 0 ? 'held' : 'pending',
      refereeIp: ip,
      refereeUserAgent: userAgent,
      referrerIp: referrer.ip,
      referrerUserAgent: referrer.userAgent,
      flags,
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  if (flags.length > 0) {
    // The timeline says why staff find it held; recordEvent tells them live.
    await recordEvent(req, { collection: 'referrals', document: referral.id, tenant, action: 'hold', actor: null, from: 'pending', to: 'held', reason: flags.map((f) => f.rule).join(', '), data: { flags } })
  }
  await notify(req, { event: 'referral.registered', recipients: [referrer.id], tenant, data: { referral: referral.id, status: referral.status }, key: `referral.registered:${referral.id}` })
  return referral
}
