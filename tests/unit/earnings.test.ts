import { describe, expect, it } from 'vitest'

import { orderEarning, type RateCard } from '@/domain/writers/earnings'
import { DEFAULT_WRITER_LEVELS } from '@/domain/writers/levels'

const entry = DEFAULT_WRITER_LEVELS[0]! as RateCard
const assignedAt = new Date('2026-11-25T00:00:00Z')
const hoursLater = (h: number) => new Date(assignedAt.getTime() + h * 3600 * 1000)

describe('a writer\'s earning for an order (reference §12.3)', () => {
  it('pays per page at the frozen level', () => {
    expect(orderEarning(entry, { pages: 3, total: 7302, assignedAt, writerDeadline: hoursLater(48) })).toEqual({ base: 1200, uplift: 0, total: 1200, urgent: false })
  })

  it('adds the urgency uplift within the level\'s threshold: pages × surcharge + base × (multiplier − 1)', () => {
    // Entry: 4.00/page, urgent ≤ 12 h: +0.50/page and ×1.10 → 1200 + 150 + 120.
    expect(orderEarning(entry, { pages: 3, total: 7302, assignedAt, writerDeadline: hoursLater(12) })).toEqual({ base: 1200, uplift: 270, total: 1470, urgent: true })
    const expert = DEFAULT_WRITER_LEVELS[3]! as RateCard
    // Expert: 13.00/page, urgent ≤ 6 h: +1.50/page and ×1.25 → 2600 + 300 + 650.
    expect(orderEarning(expert, { pages: 2, total: 9999, assignedAt, writerDeadline: hoursLater(6) }).total).toBe(3550)
    expect(orderEarning(expert, { pages: 2, total: 9999, assignedAt, writerDeadline: hoursLater(7) }).total).toBe(2600)
  })

  it('pays a share of the order total in percentage mode, rounded to the cent', () => {
    const share: RateCard = { ...entry, earningMode: 'percentage_of_order_total', percentOfTotalBp: 3_000 }
    expect(orderEarning(share, { pages: 3, total: 7305, assignedAt, writerDeadline: hoursLater(48) }).total).toBe(2192)
  })
})
