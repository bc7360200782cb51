import { describe, expect, it } from 'vitest'

import { aboveAccountCeiling, accountAlertKey, refusalAfterFailures } from '@/domain/logins/throttle'

describe('refusalAfterFailures', () => {
  it('lets a pair fail four times in a row unrefused', () => {
    expect([0, 1, 2, 3, 4].map(refusalAfterFailures)).toEqual([0, 0, 0, 0, 0])
  })
  it('refuses from the fifth failure for one minute, doubling each further failure', () => {
    expect([5, 6, 7, 8, 9, 10].map(refusalAfterFailures)).toEqual([60, 120, 240, 480, 960, 1920])
  })
  it('never refuses for more than an hour, however long the run', () => {
    expect(refusalAfterFailures(11)).toBe(3600)
    expect(refusalAfterFailures(10_000)).toBe(3600)
  })
  it('reads nonsense counts as no failure', () => {
    expect(refusalAfterFailures(Number.NaN)).toBe(0)
    expect(refusalAfterFailures(-3)).toBe(0)
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
