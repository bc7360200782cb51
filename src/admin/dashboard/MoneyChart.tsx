'use client'

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { formatMinorUnits } from '@/domain/currency'
import type { WebsiteMoney } from '@/domain/dashboard/moneyDays'

const SERIES = [
  { key: 'revenue', name: 'Revenue', color: '#2f7d32' },
  { key: 'refunds', name: 'Refunds', color: '#c62828' },
  { key: 'writerPay', name: 'Writer pay', color: '#1f4e79' },
] as const

/** One website's last 30 days of revenue, refunds and writer pay, in its currency and on its days. */
export const MoneyChart = ({ money, title }: { money: WebsiteMoney; title: string }) => {
  const full = (value: unknown) => formatMinorUnits(Number(value), money.currency)
  const short = (value: unknown) => formatMinorUnits(Number(value), money.currency, undefined, { notation: 'compact' })
  return (
    <section data-money-chart={money.website} style={{ marginBottom: 'var(--base)' }}>
      <h3>
        {title}: last 30 days ({money.timeZone})
      </h3>
      <p style={{ color: 'var(--theme-elevation-600)' }}>
        Revenue {full(money.totals.revenue)} · refunds {full(money.totals.refunds)} · writer pay {full(money.totals.writerPay)}
      </p>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <LineChart data={money.days} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150)" />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
            <YAxis tickFormatter={short} width={72} />
            <Tooltip formatter={full} />
            <Legend />
            {SERIES.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  )
}
