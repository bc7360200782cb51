import { describe, expect, it } from 'vitest'

import { formatDocumentNumber, hasExpired, payTokenExpiry, reminderToSend } from '@/domain/invoices/schedule'
import { installmentPlanProblem, priceLines, spreadOverInstallments, statusAfterPayment } from '@/domain/invoices/totals'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

describe('invoice totals', () => {
  it('prices each line as quantity × unit amount and sums them, in cents', () => {
    const { lines, total } = priceLines([
      { description: 'Editing', quantity: 3, unitAmount: 1999 },
      { description: 'Rush', quantity: 1, unitAmount: 500 },
    ])
    expect(lines.map((l) => l.amount)).toEqual([5997, 500])
    expect(total).toBe(6497)
  })

  it('accepts an installment plan only when it adds up to the total', () => {
    expect(installmentPlanProblem(6497, [])).toBeNull()
    expect(installmentPlanProblem(6497, [3000, 3497])).toBeNull()
    expect(installmentPlanProblem(6497, [3000, 3000])).toBe('The installments add up to 6000 cents, the invoice to 6497.')
  })

  it('is paid when nothing is left, partly paid otherwise', () => {
    expect(statusAfterPayment(1000, 400)).toBe('partially_paid')
    expect(statusAfterPayment(1000, 1000)).toBe('paid')
  })

  it('spreads a whole-invoice payment over unpaid installments, earliest first', () => {
    const plan = [
      { id: 12, sequence: 2, amount: 3000, amountPaid: 0 },
      { id: 11, sequence: 1, amount: 2000, amountPaid: 500 },
      { id: 13, sequence: 3, amount: 1000, amountPaid: 0 },
    ]
    expect(spreadOverInstallments(plan, 5500)).toEqual([
      { id: 11, add: 1500 },
      { id: 12, add: 3000 },
      { id: 13, add: 1000 },
    ])
    expect(spreadOverInstallments(plan, 2000)).toEqual([
      { id: 11, add: 1500 },
      { id: 12, add: 500 },
    ])
  })
})

describe('invoice schedule', () => {
  const due = new Date('2026-12-10T12:00:00Z')
  const at = (ms: number) => new Date(due.getTime() + ms)

  it('sends upcoming from 3 days before, due in the last day, overdue after; each once', () => {
    expect(reminderToSend(due, at(-4 * DAY), {})).toBeNull()
    expect(reminderToSend(due, at(-3 * DAY), {})).toBe('upcoming')
    expect(reminderToSend(due, at(-2 * DAY), { reminderUpcomingAt: 'x' })).toBeNull()
    expect(reminderToSend(due, at(-DAY), { reminderUpcomingAt: 'x' })).toBe('due')
    expect(reminderToSend(due, at(-HOUR), { reminderUpcomingAt: 'x', reminderDueAt: 'x' })).toBeNull()
    expect(reminderToSend(due, at(0), { reminderDueAt: 'x' })).toBe('overdue')
    expect(reminderToSend(due, at(5 * DAY), { reminderOverdueAt: 'x' })).toBeNull()
  })

  it('a late first run sends only the current reminder, not a stale upcoming', () => {
    expect(reminderToSend(due, at(-HOUR), {})).toBe('due')
    expect(reminderToSend(due, at(HOUR), {})).toBe('overdue')
  })

  it('expires an issued invoice with nothing paid a week after it fell due', () => {
    const issued = { status: 'issued', amountPaid: 0, dueAt: due }
    expect(hasExpired(issued, at(7 * DAY - 1))).toBe(false)
    expect(hasExpired(issued, at(7 * DAY))).toBe(true)
    expect(hasExpired({ ...issued, amountPaid: 1 }, at(30 * DAY))).toBe(false)
    expect(hasExpired({ ...issued, status: 'partially_paid' }, at(30 * DAY))).toBe(false)
  })

  it('pay links last 72 hours; numbers are INV-/RCT- and six digits', () => {
    expect(payTokenExpiry(due).toISOString()).toBe('2026-12-13T12:00:00.000Z')
    expect(formatDocumentNumber('INV', 123)).toBe('INV-000123')
    expect(formatDocumentNumber('RCT', 1)).toBe('RCT-000001')
  })
})
