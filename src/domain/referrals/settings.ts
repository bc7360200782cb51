import type { Cents } from '@/domain/money'
import { withDefaults } from '@/domain/withDefaults'

/** The discount a referred client gets on their first order (a discount origin `referral`). */
export type RefereeDiscount = { enabled: boolean; kind: 'percentage' | 'fixed'; /** Percent, or cents for `fixed`. */ value: number }

/**
 * A website's referral programme (reference §8.2 ReferralBonusConfig), money in cents.
 * The reference configured monthly limits but never enforced them; here they hold a
 * referral for staff review, as the abuse rules do.
 */
export type ReferralSettings = {
  enabled: boolean
  /** Wallet credit to the referrer when the referee's first order is paid and approved. */
  referrerWalletBonus: Cents
  referrerPoints: number
  refereePoints: number
  refereeDiscount: RefereeDiscount
  /** Referrals one referrer may bring in a calendar month before the next ones are held. */
  maxReferralsPerMonth: number
  /** Wallet bonus one referrer may earn in a calendar month before the next reward is held. */
  maxBonusPerMonth: Cents
  /** `burstCount` referrals by one referrer within `burstMinutes` look like a script. */
  burstCount: number
  burstMinutes: number
  /** `sameIpCount` referrals registered from one address within `sameIpWindowDays`. */
  sameIpCount: number
  sameIpWindowDays: number
}

export const DEFAULT_REFEREE_DISCOUNT: RefereeDiscount = { enabled: true, kind: 'percentage', value: 10 }

/** The reference's limits (10 a month, 100.00 a month, 5 in an hour, 3 from one address in 7 days). */
export const DEFAULT_REFERRALS: ReferralSettings = {
  enabled: true,
  referrerWalletBonus: 500,
  referrerPoints: 50,
  refereePoints: 0,
  refereeDiscount: DEFAULT_REFEREE_DISCOUNT,
  maxReferralsPerMonth: 10,
  maxBonusPerMonth: 10_000,
  burstCount: 5,
  burstMinutes: 60,
  sameIpCount: 3,
  sameIpWindowDays: 7,
}

type Stored = Partial<Record<keyof ReferralSettings, unknown>> | null | undefined

/** The website's stored group over the defaults, the nested discount included. */
export const referralSettingsOf = (stored: Stored): ReferralSettings => {
  const merged = withDefaults(DEFAULT_REFERRALS, stored)
  const discount = stored?.refereeDiscount as Partial<Record<keyof RefereeDiscount, unknown>> | null | undefined
  return { ...merged, refereeDiscount: withDefaults(DEFAULT_REFEREE_DISCOUNT, discount) }
}

/** The referral code alphabet: no 0/O, 1/I/L, so a code read aloud or typed is unambiguous. */
export const REFERRAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const REFERRAL_CODE_LENGTH = 8

/** A code from `random` bytes (one per character); the caller supplies crypto-random bytes. */
export const referralCodeFrom = (random: Uint8Array): string => {
  if (random.length < REFERRAL_CODE_LENGTH) throw new RangeError(`need ${REFERRAL_CODE_LENGTH} random bytes`)
  let code = ''
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += REFERRAL_CODE_ALPHABET[random[i]! % REFERRAL_CODE_ALPHABET.length]
  return code
}

/** What a client types: case and spaces do not matter. */
export const normalizeReferralCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase()

/** The registration link a referrer shares, on the website's own domain. */
export const referralLink = (domain: string, code: string): string => `https://${domain}/register?ref=${encodeURIComponent(code)}`

/** A referee as the referrer sees them: a first name, or the email with its local part masked. */
export const refereeLabel = (referee: { name?: string | null; email?: string | null }): string => {
  const first = referee.name?.trim().split(/\s+/)[0]
  if (first) return first
  const email = referee.email ?? ''
  const at = email.indexOf('@')
  if (at < 1) return '***'
  return `${email[0]}***${email.slice(at)}`
}
