import { describe, expect, it } from 'vitest'

import { nextWindow, payoutLines } from '@/domain/payouts/windows'

const DAY = 24 * 3600 * 1000
const at = (iso: string) => new Date(iso)

describe('nextWindow', () => {
  it('starts a website\'s first window now, windowDays long', () => {
    expect(nextWindow(null, at('2026-11-01T00:05:00Z'), 14)).toEqual({ opensAt: at('2026-11-01T00:05:00Z'), closesAt: at('2026-11-15T00:05:00Z') })
  })

  it('opens the next window where the last closed, back to back', () => {
    expect(nextWindow(at('2026-11-15T00:00:00Z'), at('2026-11-15T00:10:00Z'), 14)).toEqual({ opensAt: at('2026-11-15T00:00:00Z'), closesAt: at('2026-11-29T00:00:00Z') })
  })

  it('after an outage keeps the cadence and skips windows that would already be over', () => {
    const { opensAt, closesAt } = nextWindow(at('2026-11-15T00:00:00Z'), at('2026-12-10T00:00:00Z'), 14)
    expect(opensAt).toEqual(at('2026-11-29T00:00:00Z'))
    expect(closesAt.getTime() - opensAt.getTime()).toBe(14 * DAY)
  })
})

describe('payoutLines', () => {
  it('sums each writer\'s earnings minus reversals, one line per writer', () => {
    const lines = payoutLines([
      { id: 1, writer: 7, kind: 'order_earning', amount: 1200 },
      { id: 2, writer: 8, kind: 'order_earning', amount: 900 },
      { id: 3, writer: 7, kind: 'order_earning', amount: 800 },
      { id: 4, writer: 7, kind: 'reversal', amount: 500 },
    ])
    expect(lines).toEqual([
      { writer: 7, amount: 1500, items: [1, 3, 4] },
      { writer: 8, amount: 900, items: [2] },
    ])
  })

  it('gives no line to a writer whose reversals eat it all: their items wait for a later window', () => {
    expect(payoutLines([
      { id: 1, writer: 7, kind: 'order_earning', amount: 1200 },
      { id: 2, writer: 7, kind: 'reversal', amount: 1200 },
      { id: 3, writer: 9, kind: 'reversal', amount: 300 },
    ])).toEqual([])
  })

  it('nets fines the writer owes like reversals and pays fines given back like earnings, never below zero', () => {
    expect(payoutLines([
      { id: 1, writer: 7, kind: 'order_earning', amount: 1200 },
      { id: 2, writer: 7, kind: 'fine', amount: 500 },
      { id: 3, writer: 7, kind: 'fine_refund', amount: 200 },
      { id: 4, writer: 8, kind: 'fine', amount: 700 },
      { id: 5, writer: 8, kind: 'order_earning', amount: 700 },
    ])).toEqual([{ writer: 7, amount: 900, items: [1, 2, 3] }])
  })
})
