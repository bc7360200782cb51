import { describe, expect, it } from 'vitest'

import { INVOICE_STATUSES } from '@/domain/invoices/totals'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { STATUS_TONES, statusTones } from '@/domain/statusTone'

describe('statusTones', () => {
  it('gives every status of a workflow a tone, known names their shared colour', () => {
    const tones = statusTones(ORDER_STATUSES)
    expect(Object.keys(tones)).toEqual([...ORDER_STATUSES])
    for (const tone of Object.values(tones)) expect(STATUS_TONES).toContain(tone)
    expect(tones.completed).toBe('success')
    expect(tones.cancelled).toBe('danger')
    expect(tones.on_hold).toBe('warning')
    expect(tones.in_progress).toBe('info')
    expect(tones.created).toBe('neutral')
  })

  it('lets a workflow override the defaults for its own statuses only', () => {
    const tones = statusTones(INVOICE_STATUSES, { draft: 'info', expired: 'neutral' })
    expect(tones.draft).toBe('info')
    expect(tones.expired).toBe('neutral')
    expect(tones.paid).toBe('success')
    expect(tones).not.toHaveProperty('completed')
  })
})
