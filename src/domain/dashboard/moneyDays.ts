import { dayIn } from '@/domain/timeZone'

/** How many of the website's days the dashboard's money chart covers, today included. */
export const DASHBOARD_DAYS = 30

const DAY_MS = 24 * 3600 * 1000

/** The figures charted per day, in minor units of the website's currency. */
export const MONEY_MEASURES = ['revenue', 'refunds', 'writerPay'] as const
export type MoneyMeasure = (typeof MONEY_MEASURES)[number]
export type MoneyFigures = Record<MoneyMeasure, number>

/** One website's ledger totals of one of its days, as the aggregate query answers them. */
export type MoneyDayRow = MoneyFigures & { tenant: number; day: string }

export type MoneyDay = MoneyFigures & { day: string }

export type WebsiteMoney = { website: number; currency: string; timeZone: string; days: MoneyDay[]; totals: MoneyFigures }

/**
 * An instant no later than the start of the first charted day in any zone (a day and a
 * zone's offset before the plain count of days), so one query over all websites reads
 * every line it needs; the lines before a website's own first day are dropped per website.
 */
export const ledgerWindowStart = (now: Date, count = DASHBOARD_DAYS): Date => new Date(now.getTime() - (count + 1) * DAY_MS)

/** The last `count` calendar days of the zone (YYYY-MM-DD), oldest first, today last. */
export const lastDays = (now: Date, timeZone: string, count = DASHBOARD_DAYS): string[] => {
  const [year, month, day] = dayIn(now, timeZone).split('-').map(Number) as [number, number, number]
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1, day - (count - 1 - i))).toISOString().slice(0, 10))
}

const zero = (): MoneyFigures => ({ revenue: 0, refunds: 0, writerPay: 0 })

/** One website's chart: every day of its last `count` days, zero where the ledger has nothing, and their totals. */
export const websiteMoney = (
  website: { id: number; currency: string; timeZone: string },
  rows: readonly MoneyDayRow[],
  now: Date,
  count = DASHBOARD_DAYS,
): WebsiteMoney => {
  const byDay = new Map(rows.filter((row) => row.tenant === website.id).map((row) => [row.day, row]))
  const totals = zero()
  const days = lastDays(now, website.timeZone, count).map((day) => {
    const row = byDay.get(day)
    const figures = row ? { revenue: row.revenue, refunds: row.refunds, writerPay: row.writerPay } : zero()
    for (const measure of MONEY_MEASURES) totals[measure] += figures[measure]
    return { day, ...figures }
  })
  return { website: website.id, currency: website.currency, timeZone: website.timeZone, days, totals }
}
