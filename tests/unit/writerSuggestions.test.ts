import { describe, expect, it } from 'vitest'

import { deadlineReason, hoursLeft, rankWriters, type WriterRecord } from '@/domain/writers/suggestions'

const now = new Date('2026-11-30T12:00:00Z')
const inHours = (h: number) => new Date(now.getTime() + h * 3600 * 1000)
const writer = (id: number, changes: Partial<WriterRecord> = {}): WriterRecord => ({
  id,
  name: `Writer ${id}`,
  email: `w${id}@alpha.test`,
  suspended: false,
  activeOrders: 0,
  maxActiveOrders: 5,
  delivered: 0,
  deliveredOnTime: 0,
  ...changes,
})
const order = (changes: { writerDeadline?: Date; preferredWriter?: number | null; assigned?: number[] } = {}) => ({
  writerDeadline: inHours(72),
  preferredWriter: null,
  assigned: [],
  ...changes,
})
const ids = (list: { writer: { id: number } }[]) => list.map((s) => s.writer.id)

describe('rankWriters', () => {
  it('puts eligible writers first and says why the others are not: suspended, at their limit, already assigned', () => {
    const ranked = rankWriters(
      [writer(1, { suspended: true, delivered: 10, deliveredOnTime: 10 }), writer(2, { activeOrders: 5, delivered: 10, deliveredOnTime: 10 }), writer(3), writer(4, { delivered: 4, deliveredOnTime: 4 })],
      order({ assigned: [4] }),
      now,
    )
    expect(ranked.map((s) => [s.writer.id, s.eligible])).toEqual([
      [3, true],
      [1, false],
      [4, false],
      [2, false],
    ])
    const byId = new Map(ranked.map((s) => [s.writer.id, s]))
    expect(byId.get(1)!.reasons[0]).toBe('The writer account is suspended.')
    expect(byId.get(2)!.reasons[0]).toBe('The writer already has 5 active orders; the level allows 5.')
    expect(byId.get(4)!.reasons[0]).toBe('Already assigned to this order.')
    expect(byId.get(3)!.reasons).toEqual(['0 of 5 active orders: room for 5 more.', 'No delivered orders yet.'])
  })

  it('ranks by on-time record and spare capacity; a writer without a level gets the fallback limit', () => {
    const ranked = rankWriters(
      [writer(1, { activeOrders: 4, delivered: 10, deliveredOnTime: 10 }), writer(2, { activeOrders: 0, delivered: 10, deliveredOnTime: 9 }), writer(3, { maxActiveOrders: null, activeOrders: 9 })],
      order(),
      now,
    )
    // 2: 0.5·0.9 + 0.5·1 = 0.95; 1: 0.5·1 + 0.5·0.2 = 0.6; 3: 0.5·0.5 + 0.5·0.1 = 0.3
    expect(ids(ranked)).toEqual([2, 1, 3])
    expect(ranked[0]).toMatchObject({ eligible: true, load: { active: 0, limit: 5 }, onTimeRate: 0.9 })
    expect(ranked[0]!.reasons).toContain('On time for 9 of 10 delivered orders (90 %).')
    expect(ranked[2]!.load).toEqual({ active: 9, limit: 10 })
  })

  it('weighs the on-time record more when the writer deadline is near', () => {
    const reliableButBusy = writer(1, { activeOrders: 3, delivered: 10, deliveredOnTime: 10 })
    const freeButLate = writer(2, { activeOrders: 0, delivered: 10, deliveredOnTime: 5 })
    // Far: 1 → 0.5 + 0.2 = 0.7, 2 → 0.25 + 0.5 = 0.75. Near: 1 → 0.75 + 0.1 = 0.85, 2 → 0.375 + 0.25 = 0.625.
    expect(ids(rankWriters([reliableButBusy, freeButLate], order({ writerDeadline: inHours(72) }), now))).toEqual([2, 1])
    expect(ids(rankWriters([reliableButBusy, freeButLate], order({ writerDeadline: inHours(6) }), now))).toEqual([1, 2])
  })

  it("puts the client's preferred writer at the head of the eligible ones, never above an eligible writer when ineligible", () => {
    const ranked = rankWriters([writer(1, { delivered: 5, deliveredOnTime: 5 }), writer(2, { delivered: 5, deliveredOnTime: 1 })], order({ preferredWriter: 2 }), now)
    expect(ids(ranked)).toEqual([2, 1])
    expect(ranked[0]!.reasons).toContain("The client's preferred writer.")
    const suspended = rankWriters([writer(1), writer(2, { suspended: true })], order({ preferredWriter: 2 }), now)
    expect(ids(suspended)).toEqual([1, 2])
  })

  it('breaks ties by lighter load, then by name', () => {
    const ranked = rankWriters([writer(1, { name: 'Zed' }), writer(2, { name: 'Amy' }), writer(3, { name: 'Bob' })], order(), now)
    expect(ids(ranked)).toEqual([2, 3, 1])
  })
})

describe('deadline', () => {
  it('counts hours left and says when the deadline is near or past', () => {
    expect(hoursLeft(inHours(5), now)).toBe(5)
    expect(deadlineReason(5)).toBe('The writer deadline is in 5 h: on-time record weighs most.')
    expect(deadlineReason(48)).toBe('The writer deadline is in 48 h.')
    expect(deadlineReason(-3)).toBe('The writer deadline passed 3 h ago.')
  })
})
