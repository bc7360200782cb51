import { describe, expect, it } from 'vitest'

import { formatMinorUnits, minorUnitDigits } from '@/domain/currency'
import { adminListLink } from '@/domain/dashboard/adminLinks'
import { lastDays, ledgerWindowStart, websiteMoney } from '@/domain/dashboard/moneyDays'
import { COUNTER_STATUSES, orderFigures } from '@/domain/dashboard/orderCounters'

const now = new Date('2026-11-30T14:00:00Z')

describe('admin list links', () => {
  it('filters a list by each condition, one index per value, values encoded', () => {
    expect(adminListLink('orders', [{ field: 'status', operator: 'in', value: ['qa_review', 'under_editing'] }])).toBe(
      '/admin/collections/orders?where[status][in][0]=qa_review&where[status][in][1]=under_editing',
    )
    expect(adminListLink('orders', [{ field: 'clientDeadline', operator: 'less_than', value: '2026-11-30T14:00:00.000Z' }, { field: 'tenant', operator: 'in', value: [3] }])).toBe(
      '/admin/collections/orders?where[clientDeadline][less_than]=2026-11-30T14%3A00%3A00.000Z&where[tenant][in][0]=3',
    )
    expect(adminListLink('outbox', [])).toBe('/admin/collections/outbox')
  })
})

describe('order counters', () => {
  const rows = [
    { tenant: 1, status: 'qa_review', count: 2, pastDeadline: 1 },
    { tenant: 2, status: 'qa_review', count: 1, pastDeadline: 0 },
    { tenant: 1, status: 'under_editing', count: 1, pastDeadline: 0 },
    { tenant: 1, status: 'unpaid', count: 4, pastDeadline: 2 },
    { tenant: 1, status: 'completed', count: 9, pastDeadline: 9 },
    { tenant: 2, status: 'archived', count: 3, pastDeadline: 3 },
    { tenant: 1, status: 'ready_for_staffing', count: 5, pastDeadline: 0 },
  ]

  it('sums websites by status and counts each counter over its statuses', () => {
    const { byStatus, counters } = orderFigures(rows, now, null)
    expect(byStatus).toMatchObject({ qa_review: 3, under_editing: 1, unpaid: 4, completed: 9, archived: 3, in_progress: 0 })
    expect(counters.inQa.count).toBe(4)
    expect(counters.unpaid.count).toBe(4)
    expect(counters.awaitingStaffing.count).toBe(5)
  })

  it('counts as overdue only orders past the client deadline that are neither completed nor closed', () => {
    expect(orderFigures(rows, now, null).counters.overdue.count).toBe(3)
    expect(COUNTER_STATUSES.overdue).not.toContain('completed')
    expect(COUNTER_STATUSES.overdue).not.toContain('cancelled')
    expect(COUNTER_STATUSES.overdue).toContain('in_progress')
  })

  it('links each counter to exactly its rows: statuses, the deadline for overdue, the named website', () => {
    const { counters } = orderFigures([], now, [7])
    expect(counters.awaitingStaffing.link).toBe('/admin/collections/orders?where[status][in][0]=ready_for_staffing&where[tenant][in][0]=7')
    expect(counters.overdue.link).toContain('where[clientDeadline][less_than]=2026-11-30T14%3A00%3A00.000Z')
    expect(orderFigures([], now, null).counters.inQa.link).not.toContain('tenant')
  })

  it('ignores a status it does not know instead of inventing a key', () => {
    expect(orderFigures([{ tenant: 1, status: 'bogus', count: 1, pastDeadline: 1 }], now, null).byStatus).not.toHaveProperty('bogus')
  })
})

describe("money per website's day", () => {
  it('lists the last 30 days of the zone, today last', () => {
    const days = lastDays(now, 'UTC')
    expect(days).toHaveLength(30)
    expect(days.at(-1)).toBe('2026-11-30')
    expect(days[0]).toBe('2026-11-01')
    // 23:30 UTC is already tomorrow in Berlin, still today in New York.
    expect(lastDays(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin', 2)).toEqual(['2026-11-30', '2026-12-01'])
    expect(lastDays(new Date('2026-03-01T03:00:00Z'), 'America/New_York', 2)).toEqual(['2026-02-27', '2026-02-28'])
  })

  it("reads from early enough for every zone's first day", () => {
    const start = ledgerWindowStart(now)
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      const first = lastDays(now, zone)[0]!
      // The first day's midnight anywhere is at least 14 h after its UTC midnight minus a day.
      expect(start.getTime()).toBeLessThanOrEqual(Date.parse(`${first}T00:00:00Z`) - 14 * 3600 * 1000)
    }
  })

  it("fills every day of the website's chart, zero where the ledger is silent, and totals them", () => {
    const rows = [
      { tenant: 1, day: '2026-11-30', revenue: 500, refunds: 100, writerPay: 200 },
      { tenant: 1, day: '2026-11-02', revenue: 1000, refunds: 0, writerPay: 0 },
      { tenant: 1, day: '2026-10-31', revenue: 7, refunds: 0, writerPay: 0 },
      { tenant: 2, day: '2026-11-30', revenue: 9999, refunds: 0, writerPay: 0 },
    ]
    const money = websiteMoney({ id: 1, currency: 'EUR', timeZone: 'UTC' }, rows, now)
    expect(money).toMatchObject({ website: 1, currency: 'EUR', timeZone: 'UTC', totals: { revenue: 1500, refunds: 100, writerPay: 200 } })
    expect(money.days).toHaveLength(30)
    expect(money.days[1]).toEqual({ day: '2026-11-02', revenue: 1000, refunds: 0, writerPay: 0 })
    expect(money.days[0]).toEqual({ day: '2026-11-01', revenue: 0, refunds: 0, writerPay: 0 })
  })
})

describe('money on the dashboard', () => {
  it("shows minor units by the currency's own digits", () => {
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('KWD')).toBe(3)
    expect(formatMinorUnits(123_450, 'USD', 'en-US')).toBe('$1,234.50')
    expect(formatMinorUnits(1234, 'JPY', 'en-US')).toBe('¥1,234')
    expect(formatMinorUnits(1500, 'KWD', 'en-US')).toMatch(/^KWD\s1\.500$/)
  })
})
