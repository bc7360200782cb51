import { describe, expect, it } from 'vitest'

import { byThread } from '@/domain/messages/threads'
import { orderJournalReferences } from '@/domain/orders/journalReferences'

describe('orderJournalReferences', () => {
  it("names every entry the order's money writes: payment, mark-paid, earning and its corrections, each refund", () => {
    const refs = orderJournalReferences({ id: 12, refundCount: 2, refundIds: [7, 9], paymentReferences: ['pay_a'], providerRefunds: ['re_1'] })
    expect(refs.sort()).toEqual(
      [
        'mark-paid:order:12',
        'earning:order:12',
        'earning:order:12:void',
        'earning:order:12:reversal',
        'earning:order:12:refund:7',
        'earning:order:12:refund:9',
        'refund:order:12:1',
        'refund:order:12:2',
        'payment:pay_a',
        'refund-failed:re_1',
      ].sort(),
    )
    // Never another order's: 12 is not 1 or 123.
    expect(refs.some((r) => /order:(1|123)(:|$)/.test(r))).toBe(false)
  })
})

describe('byThread', () => {
  it('groups messages by thread in the order given, every thread present, unknown threads left out', () => {
    const groups = byThread([
      { id: 1, thread: 'client_writer' },
      { id: 2, thread: 'client_support' },
      { id: 3, thread: 'client_writer' },
      { id: 4, thread: 'elsewhere' },
    ])
    expect(groups).toEqual({ client_support: [{ id: 2, thread: 'client_support' }], client_writer: [{ id: 1, thread: 'client_writer' }, { id: 3, thread: 'client_writer' }], writer_support: [] })
  })
})
