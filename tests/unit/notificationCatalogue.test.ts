import { describe, expect, it } from 'vitest'

import { describeEvent, EVENT_CATALOGUE } from '@/domain/notifications/catalogue'
import { ORDER_ACTION_EVENTS, ORDER_FINDING_EVENTS } from '@/domain/notifications/events/orders'
import { partiesBut } from '@/domain/notifications/recipients'
import { NOTIFICATION_CATEGORIES, NOTIFICATION_PRIORITIES } from '@/domain/notifications/types'
import { ORDER_ACTION_NAMES } from '@/domain/orders/actions'

/** Every fact any event of the catalogue reads, filled in the way the operations fill them. */
const FULL = {
  orderId: 12,
  number: '2026-00012',
  action: 'assign',
  from: 'ready_for_staffing',
  to: 'in_progress',
  eventId: 99,
  currency: 'EUR',
  total: 12345,
  amount: 1250,
  hoursLeft: 6,
  hoursLate: 3,
  messageId: 4,
  thread: 'client_writer',
  paymentId: 7,
  reference: 'pay_1',
  purpose: 'order',
  outcome: 'order_paid',
  receipt: 'R-0001',
  status: 'failed',
  reason: 'The card was declined.',
  refundId: 3,
  destination: 'wallet',
  invoiceId: 5,
  title: 'Thesis support',
  dueAt: '2026-12-24T00:00:00.000Z',
  tipId: 8,
  order: 12,
  message: 'Thanks!',
  record: 2,
  request: 6,
  method: 'bank_transfer',
  externalReference: 'TX-1',
  fine: 11,
  type: 'late_submission',
  restored: 500,
  writtenOff: 200,
  transaction: 21,
  points: 40,
  balance: 140,
  tier: 'Gold',
  redemption: 9,
  discountCode: 'LOYAL-1',
  referral: 15,
  walletCents: 1000,
  referrerPoints: 50,
  refereePoints: 25,
  change: 3,
  id: 30,
  kind: 'suspension',
  endsAt: '2026-12-31T00:00:00.000Z',
}

/** Facts a careless caller might hand over: missing, of the wrong type, not finite. */
const BROKEN = { number: undefined, amount: Number.NaN, total: 'lots', currency: 'not-a-currency', hoursLeft: Number.POSITIVE_INFINITY, points: null, orderId: {}, dueAt: 'someday', endsAt: 'never', kind: 42 }

const SHOWN_WRONG = /undefined|NaN|null|\[object Object\]|Infinity/

const events = Object.keys(EVENT_CATALOGUE)

describe('the notification catalogue', () => {
  it.each(events)('%s renders full, empty and broken facts with no undefined, NaN or null in its texts', (event) => {
    for (const facts of [FULL, {}, BROKEN]) {
      const text = describeEvent(event, facts)
      expect(NOTIFICATION_CATEGORIES).toContain(text.category)
      expect(NOTIFICATION_PRIORITIES).toContain(text.priority)
      expect(text.title.trim()).not.toBe('')
      expect(text.body.trim()).not.toBe('')
      for (const shown of [text.title, text.body, text.link ?? '']) expect(shown, `${event}: ${shown}`).not.toMatch(SHOWN_WRONG)
      if (text.link !== null) expect(text.link).toMatch(/^\/[\w/-]*$/)
    }
  })

  it('has an entry for every event an order action or finding tells its parties', () => {
    for (const action of ORDER_ACTION_NAMES) expect(action in ORDER_ACTION_EVENTS).toBe(true)
    const told = [...Object.values(ORDER_ACTION_EVENTS), ...Object.values(ORDER_FINDING_EVENTS)].filter((e): e is string => e !== null)
    for (const event of told) expect(events).toContain(event)
    expect(ORDER_ACTION_EVENTS.assign).toBe('order.assigned')
  })

  it('formats amounts in the website’s currency and names the order by its number', () => {
    const paid = describeEvent('payment.succeeded', { ...FULL, currency: 'USD', amount: 1250 })
    expect(paid.title).toBe('Payment received: $12.50')
    expect(paid.body).toContain('order 2026-00012')
    expect(paid.body).toContain('R-0001')
    expect(describeEvent('tip.received', { amount: 1500, currency: 'JPY' }).title).toContain('¥1,500')
    expect(describeEvent('order.assigned', FULL)).toMatchObject({ category: 'orders', title: 'Order 2026-00012: writer assigned', link: '/orders/12' })
    expect(describeEvent('order.assigned', { ...FULL, to: 'pending_writer_acceptance' }).body).toContain('has to accept')
  })

  it('links a message and a refund to the record it is on: an order, a special order or a class order', () => {
    expect(describeEvent('order.message', { orderId: 12, number: '2026-00012' }).link).toBe('/orders/12')
    expect(describeEvent('order.message', { specialOrderId: 3, number: 'SPO-000003' }).link).toBe('/special-orders/3')
    expect(describeEvent('order.message', { classOrderId: 4, number: 'CLS-000004' }).link).toBe('/class-orders/4')
    expect(describeEvent('refund.issued', { specialOrder: 3, number: 'SPO-000003', amount: 100, currency: 'USD' }).link).toBe('/special-orders/3')
    expect(describeEvent('refund.issued', { classOrder: 4, number: 'CLS-000004', amount: 100, currency: 'USD' }).link).toBe('/class-orders/4')
    expect(describeEvent('refund.issued', { amount: 100, currency: 'USD' }).link).toBe('/wallet')
  })

  it('makes receipts, failed payments, refunds, payouts and fines high, and a suspension critical', () => {
    for (const event of ['payment.succeeded', 'payment.failed', 'refund.issued', 'refund.failed', 'invoice.paid', 'payout.paid', 'fine.issued', 'order.cancelled']) {
      expect(describeEvent(event, FULL).priority, event).toBe('high')
    }
    expect(describeEvent('discipline.issued', { kind: 'suspension' }).priority).toBe('critical')
    expect(describeEvent('discipline.issued', { kind: 'blacklist' }).priority).toBe('critical')
    expect(describeEvent('discipline.issued', { kind: 'warning' }).priority).toBe('high')
    expect(describeEvent('order.deadline_approaching', { hoursLeft: 1 }).priority).toBe('high')
    expect(describeEvent('order.deadline_approaching', { hoursLeft: 24 }).priority).toBe('normal')
  })

  it('never carries a blacklist’s reason nor an empty reason', () => {
    expect(describeEvent('discipline.issued', { kind: 'blacklist', reason: null }).body).toBe('You received a blacklisting.')
    expect(describeEvent('order.cancelled', { number: 'A-1', reason: '  ' }).body).toBe('Order A-1 is cancelled.')
  })
})

describe('partiesBut', () => {
  it('tells each party once, never the actor nor an empty reference', () => {
    expect(partiesBut(2, [1, 2, null, undefined, 3, 1])).toEqual([1, 3])
    expect(partiesBut(null, [4])).toEqual([4])
  })
})
