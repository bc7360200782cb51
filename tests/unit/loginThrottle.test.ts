import { describe, expect, it } from 'vitest'

import { aboveAccountCeiling, accountAlertKey, LOCKOUT, lockoutPolicyOf, lockoutSeconds, locksOut, unlockLinkState } from '@/domain/logins/throttle'

describe('lockoutPolicyOf', () => {
  it('reads a website’s settings, and the defaults (5 failures in 15 minutes) without a website', () => {
    expect(lockoutPolicyOf({ failures: 3, windowMinutes: 60 })).toEqual({ failures: 3, windowS: 3600 })
    expect(lockoutPolicyOf(null)).toEqual({ failures: 5, windowS: 900 })
    expect(lockoutPolicyOf(undefined)).toEqual({ failures: 5, windowS: 900 })
    expect(lockoutPolicyOf({})).toEqual({ failures: 5, windowS: 900 })
  })
  it('takes the default for a value outside its range or not a whole number', () => {
    expect(lockoutPolicyOf({ failures: 2, windowMinutes: 0 })).toEqual({ failures: 5, windowS: 900 })
    expect(lockoutPolicyOf({ failures: 51, windowMinutes: 1441 })).toEqual({ failures: 5, windowS: 900 })
    expect(lockoutPolicyOf({ failures: 4.5, windowMinutes: Number.NaN })).toEqual({ failures: 5, windowS: 900 })
    expect(lockoutPolicyOf({ failures: LOCKOUT.failures.max, windowMinutes: LOCKOUT.windowMinutes.min })).toEqual({ failures: 50, windowS: 60 })
  })
})

describe('locksOut', () => {
  const policy = lockoutPolicyOf(null)
  it('lets a pair fail four times within the window, and locks it out at the fifth', () => {
    expect([0, 1, 2, 3, 4].map((n) => locksOut(n, policy))).toEqual([false, false, false, false, false])
    expect(locksOut(5, policy)).toBe(true)
  })
  it('follows the website’s count', () => {
    expect(locksOut(2, { failures: 3, windowS: 900 })).toBe(false)
    expect(locksOut(3, { failures: 3, windowS: 900 })).toBe(true)
  })
  it('reads nonsense counts as no lockout', () => {
    expect(locksOut(Number.NaN, policy)).toBe(false)
    expect(locksOut(-3, policy)).toBe(false)
  })
})

describe('lockoutSeconds', () => {
  it('grows from 15 minutes to an hour, then a day, and stays there', () => {
    expect([1, 2, 3, 4, 10].map(lockoutSeconds)).toEqual([900, 3600, 86_400, 86_400, 86_400])
  })
  it('reads nonsense as the first lockout', () => {
    expect(lockoutSeconds(0)).toBe(900)
    expect(lockoutSeconds(Number.NaN)).toBe(900)
  })
})

describe('unlockLinkState', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  it('is valid until it expires, then expired; used once followed, whatever the time', () => {
    expect(unlockLinkState({ expiresAt: '2026-12-02T11:59:59Z', usedAt: null }, now)).toBe('valid')
    expect(unlockLinkState({ expiresAt: '2026-12-01T12:00:00Z', usedAt: null }, now)).toBe('expired')
    expect(unlockLinkState({ expiresAt: '2026-12-02T11:59:59Z', usedAt: '2026-12-01T11:00:00Z' }, now)).toBe('used')
    expect(unlockLinkState({ expiresAt: '2026-11-01T00:00:00Z', usedAt: new Date('2026-11-01T00:00:00Z') }, now)).toBe('used')
  })
  it('treats a row without a link as expired', () => {
    expect(unlockLinkState({ expiresAt: null, usedAt: null }, now)).toBe('expired')
    expect(unlockLinkState({ expiresAt: 'not a date', usedAt: undefined }, now)).toBe('expired')
  })
})

describe('the account-wide ceiling', () => {
  it('is passed by the 51st attempt, not the 50th', () => {
    expect(aboveAccountCeiling(50)).toBe(false)
    expect(aboveAccountCeiling(51)).toBe(true)
  })
  it('gives one alert key per account and hour-long window', () => {
    const start = new Date('2026-11-30T10:00:00Z')
    expect(accountAlertKey(7, start)).toBe(accountAlertKey(7, new Date('2026-11-30T10:59:59Z')))
    expect(accountAlertKey(7, start)).not.toBe(accountAlertKey(7, new Date('2026-11-30T11:00:00Z')))
    expect(accountAlertKey(7, start)).not.toBe(accountAlertKey(8, start))
  })
})
