import { describe, expect, it } from 'vitest'

import { convertPoints, DEFAULT_LOYALTY, pointsForOrder, reversePoints, tierOf } from '@/domain/loyalty/points'

describe('loyalty points (reference §8.1)', () => {
  it('earns one point per 10.00 paid, rounded down', () => {
    expect(pointsForOrder(12_599)).toBe(12)
    expect(pointsForOrder(999)).toBe(0)
    expect(pointsForOrder(10_000, { ...DEFAULT_LOYALTY, pointsPerUnit: 1 })).toBe(100)
  })

  it('converts at 0.10 a point, from 100 points, at most 500.00 a conversion', () => {
    expect(convertPoints(250, 300)).toEqual({ ok: true, points: 250, credit: 2_500 })
    expect(convertPoints(99, 300)).toMatchObject({ ok: false, field: 'points' })
    expect(convertPoints(400, 300)).toMatchObject({ ok: false, field: 'points' })
    expect(convertPoints(5_000, 9_000)).toEqual({ ok: true, points: 5_000, credit: 50_000 })
    expect(convertPoints(5_001, 9_000)).toMatchObject({ ok: false, field: 'points' })
    expect(convertPoints(1.5, 300)).toMatchObject({ ok: false, field: 'points' })
  })

  it('names the rule a refused conversion broke; in multiples of the minimum when asked', () => {
    expect(convertPoints(99, 300)).toMatchObject({ rule: 'minimum' })
    expect(convertPoints(400, 300)).toMatchObject({ rule: 'insufficient_points' })
    expect(convertPoints(5_100, 9_000)).toMatchObject({ rule: 'maximum' })
    expect(convertPoints(0, 300)).toMatchObject({ rule: 'whole_points' })
    expect(convertPoints(250, 300, DEFAULT_LOYALTY, { inMultiples: true })).toMatchObject({ ok: false, field: 'points', rule: 'multiple' })
    expect(convertPoints(200, 300, DEFAULT_LOYALTY, { inMultiples: true })).toEqual({ ok: true, points: 200, credit: 2_000 })
  })

  it('places the client in the highest tier reached and says what the next needs', () => {
    const tiers = [
      { name: 'Silver', threshold: 500 },
      { name: 'Bronze', threshold: 100 },
      { name: 'Gold', threshold: 1_500 },
    ]
    expect(tierOf(50, tiers)).toEqual({ tier: null, nextTier: { name: 'Bronze', threshold: 100 }, pointsToNextTier: 50 })
    expect(tierOf(500, tiers)).toMatchObject({ tier: { name: 'Silver' }, nextTier: { name: 'Gold' }, pointsToNextTier: 1_000 })
    expect(tierOf(2_000, tiers)).toMatchObject({ tier: { name: 'Gold' }, nextTier: null, pointsToNextTier: null })
  })

  it('reverses a refunded order’s points down to zero and records the rest', () => {
    expect(reversePoints(40, 100)).toEqual({ reversed: 40, unrecovered: 0 })
    expect(reversePoints(40, 15)).toEqual({ reversed: 15, unrecovered: 25 })
    expect(reversePoints(40, 0)).toEqual({ reversed: 0, unrecovered: 40 })
  })
})
