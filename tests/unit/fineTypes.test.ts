import { describe, expect, it } from 'vitest'

import { DEFAULT_FINE_TYPES, fineAmount, fineTypesFor, type FineTypeTerms } from '@/domain/fines/types'

const typeOf = (code: string): FineTypeTerms => DEFAULT_FINE_TYPES.find((t) => t.code === code)!

describe('fine types (reference §7)', () => {
  it('seeds the reference’s defaults', () => {
    expect(DEFAULT_FINE_TYPES.map((t) => t.code)).toEqual([
      'late_submission',
      'quality_issue',
      'privacy_violation',
      'excessive_revisions',
      'late_reassignment',
      'dropping_order_late',
      'wrong_files',
      'plagiarism',
      'inactivity',
      'comm_breach',
    ])
    expect(typeOf('late_submission').calculation).toBe('progressive_hourly')
    expect(typeOf('quality_issue')).toMatchObject({ percent: 10, min: 500, max: 5000 })
    expect(typeOf('privacy_violation')).toMatchObject({ calculation: 'fixed', amount: 5000 })
    expect(typeOf('dropping_order_late')).toMatchObject({ percent: 20, min: 1000, max: null })
  })

  it('takes a fixed amount whatever the base', () => {
    expect(fineAmount(typeOf('plagiarism'), 0)).toBe(10_000)
    expect(fineAmount(typeOf('wrong_files'), 123_456)).toBe(1000)
  })

  it('takes a percentage of the base within its minimum and maximum', () => {
    expect(fineAmount(typeOf('quality_issue'), 20_000)).toBe(2000)
    expect(fineAmount(typeOf('quality_issue'), 1000)).toBe(500)
    expect(fineAmount(typeOf('quality_issue'), 1_000_000)).toBe(5000)
    expect(fineAmount(typeOf('excessive_revisions'), 3333)).toBe(167)
    expect(fineAmount(typeOf('dropping_order_late'), 100)).toBe(1000)
  })

  it('takes the lateness percent of the base for a progressive-hourly type', () => {
    expect(fineAmount(typeOf('late_submission'), 5000, null, 40)).toBe(2000)
    expect(fineAmount(typeOf('late_submission'), 5000, null, 100)).toBe(5000)
    expect(fineAmount(typeOf('late_submission'), 5000)).toBe(0)
  })

  it('takes a staff-set amount as is, and refuses a negative or fractional one', () => {
    expect(fineAmount(typeOf('quality_issue'), 20_000, 12_345)).toBe(12_345)
    expect(fineAmount(typeOf('plagiarism'), 0, 0)).toBe(0)
    expect(() => fineAmount(typeOf('plagiarism'), 0, -1)).toThrow(RangeError)
    expect(() => fineAmount(typeOf('plagiarism'), 0, 1.5)).toThrow(RangeError)
  })

  it('lays a website’s rows over the defaults by code and adds new codes', () => {
    const own = { ...typeOf('plagiarism'), amount: 25_000 }
    const extra: FineTypeTerms = { ...typeOf('wrong_files'), code: 'missed_call', name: 'Missed call', amount: 300 }
    const types = fineTypesFor([own, extra])
    expect(types.find((t) => t.code === 'plagiarism')!.amount).toBe(25_000)
    expect(types.find((t) => t.code === 'missed_call')!.amount).toBe(300)
    expect(types).toHaveLength(DEFAULT_FINE_TYPES.length + 1)
  })
})
