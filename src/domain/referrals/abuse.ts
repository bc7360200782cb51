import type { Cents } from '@/domain/money'

import type { ReferralSettings } from './settings'

/**
 * Why a referral is held for staff review instead of paid (reference §8.2 abuse
 * detection, plus the monthly limits the reference configured and never enforced).
 */
export const REFERRAL_FLAG_RULES = ['self_referral', 'already_referred', 'same_ip', 'same_user_agent', 'ip_cluster', 'burst', 'monthly_referrals', 'monthly_limit'] as const
export type ReferralFlagRule = (typeof REFERRAL_FLAG_RULES)[number]
export type ReferralFlag = { rule: ReferralFlagRule; detail: string }

/** What is known when a client registers with a referrer's code. */
export type RegistrationFacts = {
  referrer: number
  referee: number
  refereeIp: string | null
  refereeUserAgent: string | null
  /** The referrer's own address and browser (at their registration); null when not recorded. */
  referrerIp: string | null
  referrerUserAgent: string | null
  /** Referrals the referee already has (a person registering again). */
  refereeReferrals: number
  /** Other referrals registered from `refereeIp` within the address window. */
  sameIpReferrals: number
  /** The referrer's other referrals within the burst window. */
  referrerRecentReferrals: number
  /** The referrer's other referrals this month. */
  referrerReferralsThisMonth: number
  /** Wallet bonus the referrer has been paid this month. */
  referrerBonusThisMonth: Cents
}

/** An address or browser we actually know ('unknown' is what an unproxied test or tool gives). */
const known = (value: string | null): value is string => value !== null && value.trim() !== '' && value !== 'unknown'

/** The bonus would take the referrer past the month's limit. */
export const overMonthlyBonus = (paidThisMonth: Cents, bonus: Cents, settings: Pick<ReferralSettings, 'maxBonusPerMonth'>): boolean =>
  bonus > 0 && paidThisMonth + bonus > settings.maxBonusPerMonth

/** The monthly-limit flag at reward time (null: within the limit). */
export const monthlyLimitFlag = (paidThisMonth: Cents, bonus: Cents, settings: Pick<ReferralSettings, 'maxBonusPerMonth'>): ReferralFlag | null =>
  overMonthlyBonus(paidThisMonth, bonus, settings)
    ? { rule: 'monthly_limit', detail: `${paidThisMonth} cents paid this month; ${bonus} more would pass the limit of ${settings.maxBonusPerMonth}.` }
    : null

/**
 * Every abuse rule the registration breaks; none: the referral is pending, any: it is
 * held for staff review (the registration itself always succeeds).
 */
export const registrationFlags = (facts: RegistrationFacts, settings: ReferralSettings): ReferralFlag[] => {
  const flags: ReferralFlag[] = []
  if (facts.referrer === facts.referee) flags.push({ rule: 'self_referral', detail: 'The referrer and the referee are the same account.' })
  if (facts.refereeReferrals > 0) flags.push({ rule: 'already_referred', detail: `The referee already has ${facts.refereeReferrals} referral(s).` })
  if (known(facts.refereeIp) && facts.refereeIp === facts.referrerIp) flags.push({ rule: 'same_ip', detail: `Registered from the referrer’s address ${facts.refereeIp}.` })
  if (known(facts.refereeUserAgent) && facts.refereeUserAgent === facts.referrerUserAgent) flags.push({ rule: 'same_user_agent', detail: 'Registered with the referrer’s browser (same user agent).' })
  if (known(facts.refereeIp) && facts.sameIpReferrals + 1 >= settings.sameIpCount) {
    flags.push({ rule: 'ip_cluster', detail: `${facts.sameIpReferrals + 1} referrals from ${facts.refereeIp} within ${settings.sameIpWindowDays} days (limit ${settings.sameIpCount}).` })
  }
  if (facts.referrerRecentReferrals + 1 >= settings.burstCount) {
    flags.push({ rule: 'burst', detail: `${facts.referrerRecentReferrals + 1} referrals by the referrer within ${settings.burstMinutes} minutes (limit ${settings.burstCount}).` })
  }
  if (facts.referrerReferralsThisMonth + 1 > settings.maxReferralsPerMonth) {
    flags.push({ rule: 'monthly_referrals', detail: `${facts.referrerReferralsThisMonth + 1} referrals this month (limit ${settings.maxReferralsPerMonth}).` })
  }
  const limit = monthlyLimitFlag(facts.referrerBonusThisMonth, settings.referrerWalletBonus, settings)
  if (limit) flags.push(limit)
  return flags
}

/** The first instant of `now`'s calendar month (UTC): monthly limits count from here. */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))

/** The start of a window of `minutes` ending now. */
export const minutesBefore = (now: Date, minutes: number): Date => new Date(now.getTime() - minutes * 60_000)
