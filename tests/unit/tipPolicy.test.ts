import { describe, expect, it } from 'vitest'

import { DEFAULT_TIP_POLICY, splitTip, tipRefusal } from '@/domain/tips/policy'

describe('tip split', () => {
  it('gives the writer their share rounded to the cent and the platform the rest', () => {
    expect(splitTip(1000, 80)).toEqual({ writer: 800, platform: 200 })
    expect(splitTip(999, 85)).toEqual({ writer: 849, platform: 150 })
    expect(splitTip(101, 50)).toEqual({ writer: 51, platform: 50 })
    expect(splitTip(500, 100)).toEqual({ writer: 500, platform: 0 })
  })

  it('always adds up to the tip', () => {
    for (let amount = 100; amount < 1300; amount += 7) for (const pct of [0, 1, 33, 50, 66, 99, 100]) {
      const { writer, platform } = splitTip(amount, pct)
      expect(writer + platform).toBe(amount)
      expect(writer).toBeGreaterThanOrEqual(0)
      expect(platform).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('tip refusals', () => {
  const policy = { ...DEFAULT_TIP_POLICY, maximum: 5000, perDay: 2 }
  it('names the field and the rule', () => {
    expect(tipRefusal(policy, 99, 'wallet', 0)).toMatchObject({ field: 'amount', status: 400 })
    expect(tipRefusal(policy, 5001, 'wallet', 0)).toMatchObject({ field: 'amount', status: 400 })
    expect(tipRefusal(policy, 500, 'wallet', 2)).toMatchObject({ field: 'amount', status: 422 })
    expect(tipRefusal({ ...policy, allowWallet: false }, 500, 'wallet', 0)).toMatchObject({ field: 'provider' })
    expect(tipRefusal({ ...policy, allowCard: false }, 500, 'stripe', 0)).toMatchObject({ field: 'provider' })
    expect(tipRefusal(policy, 100, 'manual', 1)).toBeNull()
    expect(tipRefusal(policy, 5000, 'wallet', 0)).toBeNull()
  })
})
