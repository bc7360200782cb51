import { describe, expect, it } from 'vitest'

import { DEFAULT_LATENESS_RULE, hoursLate, latenessFine, latenessPercent } from '@/domain/fines/lateness'

const progressive = { ...DEFAULT_LATENESS_RULE, mode: 'progressive' as const }

describe('lateness fines (reference §7)', () => {
  it('reproduces the reference’s cumulative examples on a base of 50.00', () => {
    expect([1.5, 2.5, 5, 30].map((h) => latenessPercent(h))).toEqual([5, 15, 40, 100])
    expect([1.5, 2.5, 5, 30].map((h) => latenessFine(5000, h))).toEqual([250, 750, 2000, 5000])
  })

  it('fines nothing on time or under an hour late', () => {
    expect(latenessFine(5000, 0)).toBe(0)
    expect(latenessFine(5000, 0.99)).toBe(0)
    expect(latenessPercent(0.5, progressive)).toBe(0)
  })

  it('adds a step per whole hour after the third up to hour 24, then a step per started day', () => {
    expect(latenessPercent(3)).toBe(30)
    expect(latenessPercent(3.9)).toBe(30)
    expect(latenessPercent(4)).toBe(35)
    expect(latenessPercent(10, { ...DEFAULT_LATENESS_RULE, perHourAfter3: 1 })).toBe(37)
    expect(latenessPercent(24, { ...DEFAULT_LATENESS_RULE, perHourAfter3: 1 })).toBe(5 + 10 + 15 + 21 + 20)
    expect(latenessPercent(48.5, { ...DEFAULT_LATENESS_RULE, perHourAfter3: 1 })).toBe(5 + 10 + 15 + 21 + 40)
  })

  it('takes the bracket the lateness falls in when progressive', () => {
    expect([1.5, 2.5, 3, 5, 10, 23.9, 24, 49].map((h) => latenessPercent(h, progressive))).toEqual([5, 10, 15, 25, 50, 100, 20, 40])
  })

  it('caps at the website’s maximum and never above 100 %, however it is configured', () => {
    expect(latenessPercent(5, { ...DEFAULT_LATENESS_RULE, maxPercent: 25 })).toBe(25)
    expect(latenessPercent(30, { ...DEFAULT_LATENESS_RULE, maxPercent: 250 })).toBe(100)
    expect(latenessPercent(200, progressive)).toBe(100)
  })

  it('measures lateness against the writer’s deadline, 0 when early', () => {
    const deadline = new Date('2026-12-01T12:00:00Z')
    expect(hoursLate(new Date('2026-12-01T14:30:00Z'), deadline)).toBe(2.5)
    expect(hoursLate(new Date('2026-12-01T11:00:00Z'), deadline)).toBe(0)
  })
})
