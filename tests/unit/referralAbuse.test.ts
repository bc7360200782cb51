import { describe, expect, it } from 'vitest'

import { minutesBefore, monthlyLimitFlag, monthStart, registrationFlags, type RegistrationFacts } from '@/domain/referrals/abuse'
import { DEFAULT_REFERRALS, normalizeReferralCode, REFERRAL_CODE_ALPHABET, referralCodeFrom, referralLink, referralSettingsOf, refereeLabel } from '@/domain/referrals/settings'
import { decide, SYSTEM } from '@/domain/workflow/define'
import { REFERRAL_WORKFLOW, releaseTarget } from '@/domain/referrals/workflow'

const clean: RegistrationFacts = {
  referrer: 1,
  referee: 2,
  refereeIp: '203.0.113.7',
  refereeUserAgent: 'Firefox/140',
  referrerIp: '198.51.100.1',
  referrerUserAgent: 'Safari/18',
  refereeReferrals: 0,
  sameIpReferrals: 0,
  referrerRecentReferrals: 0,
  referrerReferralsThisMonth: 0,
  referrerBonusThisMonth: 0,
}
const rules = (facts: Partial<RegistrationFacts>, settings = DEFAULT_REFERRALS) => registrationFlags({ ...clean, ...facts }, settings).map((f) => f.rule)

describe('referral abuse rules (reference §8.2)', () => {
  it('a registration from elsewhere, with another browser, is clean', () => {
    expect(rules({})).toEqual([])
  })

  it('self-referral, a referee referred before', () => {
    expect(rules({ referee: 1 })).toEqual(['self_referral'])
    expect(rules({ refereeReferrals: 1 })).toEqual(['already_referred'])
  })

  it('the referrer’s address or browser', () => {
    expect(rules({ refereeIp: '198.51.100.1' })).toEqual(['same_ip'])
    expect(rules({ refereeUserAgent: 'Safari/18' })).toEqual(['same_user_agent'])
    expect(rules({ refereeIp: '198.51.100.1', refereeUserAgent: 'Safari/18' })).toEqual(['same_ip', 'same_user_agent'])
  })

  it('an address or browser nobody knows never matches', () => {
    expect(rules({ refereeIp: null, referrerIp: null, refereeUserAgent: null, referrerUserAgent: null })).toEqual([])
    expect(rules({ refereeIp: 'unknown', referrerIp: 'unknown' })).toEqual([])
  })

  it('the third referral from one address within 7 days is held (sameIpCount 3)', () => {
    expect(rules({ sameIpReferrals: 1 })).toEqual([])
    expect(rules({ sameIpReferrals: 2 })).toEqual(['ip_cluster'])
    expect(rules({ sameIpReferrals: 2, refereeIp: null })).toEqual([])
  })

  it('the fifth referral by one referrer within an hour is a burst (burstCount 5)', () => {
    expect(rules({ referrerRecentReferrals: 3 })).toEqual([])
    expect(rules({ referrerRecentReferrals: 4 })).toEqual(['burst'])
  })

  it('monthly limits: the eleventh referral, and a bonus past 100.00 (configured in the reference, enforced here)', () => {
    expect(rules({ referrerReferralsThisMonth: 9 })).toEqual([])
    expect(rules({ referrerReferralsThisMonth: 10 })).toEqual(['monthly_referrals'])
    expect(rules({ referrerBonusThisMonth: 9_500 })).toEqual([])
    expect(rules({ referrerBonusThisMonth: 9_501 })).toEqual(['monthly_limit'])
    expect(monthlyLimitFlag(10_000, 500, DEFAULT_REFERRALS)?.rule).toBe('monthly_limit')
    expect(monthlyLimitFlag(10_000, 0, DEFAULT_REFERRALS)).toBeNull()
  })

  it('every rule at once: one flag each, with a detail', () => {
    const flags = registrationFlags(
      { ...clean, referee: 1, refereeReferrals: 1, refereeIp: '198.51.100.1', refereeUserAgent: 'Safari/18', sameIpReferrals: 5, referrerRecentReferrals: 9, referrerReferralsThisMonth: 10, referrerBonusThisMonth: 10_000 },
      DEFAULT_REFERRALS,
    )
    expect(flags.map((f) => f.rule)).toEqual(['self_referral', 'already_referred', 'same_ip', 'same_user_agent', 'ip_cluster', 'burst', 'monthly_referrals', 'monthly_limit'])
    expect(flags.every((f) => f.detail.length > 0)).toBe(true)
  })

  it('windows: the calendar month (UTC) and minutes back', () => {
    expect(monthStart(new Date('2026-12-31T23:59:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z')
    expect(minutesBefore(new Date('2026-12-01T01:00:00Z'), 60).toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })
})

describe('referral settings and codes', () => {
  it('stored values over the defaults, the nested discount included', () => {
    const settings = referralSettingsOf({ referrerWalletBonus: 1000, refereeDiscount: { value: 15, enabled: null } })
    expect(settings).toMatchObject({ enabled: true, referrerWalletBonus: 1000, referrerPoints: 50, maxBonusPerMonth: 10_000, refereeDiscount: { enabled: true, kind: 'percentage', value: 15 } })
    expect(referralSettingsOf(null)).toEqual(DEFAULT_REFERRALS)
  })

  it('codes: 8 characters of an alphabet without 0/O, 1/I/L; typed in any case', () => {
    const code = referralCodeFrom(Uint8Array.from([0, 1, 2, 3, 30, 31, 250, 255]))
    expect(code).toHaveLength(8)
    expect([...code].every((c) => REFERRAL_CODE_ALPHABET.includes(c))).toBe(true)
    expect(REFERRAL_CODE_ALPHABET).not.toMatch(/[01OIL]/)
    expect(normalizeReferralCode(' abcd-ef23 ')).toBe('ABCDEF23')
  })

  it('the link and how a referrer sees the referee', () => {
    expect(referralLink('alpha.test', 'ABCD2345')).toBe('https://alpha.test/register?ref=ABCD2345')
    expect(refereeLabel({ name: 'Ada Lovelace', email: 'ada@example.com' })).toBe('Ada')
    expect(refereeLabel({ name: ' ', email: 'ada@example.com' })).toBe('a***@example.com')
  })
})

describe('referral workflow', () => {
  const admin = { roles: ['admin'] as const, ofWebsite: true, superadmin: false }
  const client = { roles: ['client'] as const, ofWebsite: true, superadmin: false }
  const now = new Date()

  it('staff release a held referral: rewarded when its order qualified, else pending', () => {
    expect(decide(REFERRAL_WORKFLOW, 'release', { status: 'held', qualified: false }, admin, now)).toEqual({ ok: true, targets: ['pending', 'rewarded'] })
    expect(releaseTarget({ status: 'held', qualified: true })).toBe('rewarded')
    expect(releaseTarget({ status: 'held', qualified: false })).toBe('pending')
    expect(decide(REFERRAL_WORKFLOW, 'release', { status: 'pending', qualified: false }, admin, now)).toMatchObject({ ok: false, status: 409 })
  })

  it('void from pending or held, never once rewarded; clients never act', () => {
    expect(decide(REFERRAL_WORKFLOW, 'void', { status: 'pending', qualified: false }, admin, now).ok).toBe(true)
    expect(decide(REFERRAL_WORKFLOW, 'void', { status: 'rewarded', qualified: true }, admin, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REFERRAL_WORKFLOW, 'void', { status: 'held', qualified: false }, client, now)).toMatchObject({ ok: false, status: 403 })
  })

  it('only the platform rewards, and only a qualified referral', () => {
    expect(decide(REFERRAL_WORKFLOW, 'reward', { status: 'pending', qualified: true }, admin, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(REFERRAL_WORKFLOW, 'reward', { status: 'pending', qualified: false }, SYSTEM, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(REFERRAL_WORKFLOW, 'reward', { status: 'pending', qualified: true }, SYSTEM, now).ok).toBe(true)
  })
})
