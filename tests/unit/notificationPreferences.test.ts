import { describe, expect, it } from 'vitest'

import { grantsMarketing } from '@/domain/notifications/preferences'

describe('grantsMarketing', () => {
  it('is true only when a marketing channel goes on that was not on', () => {
    expect(grantsMarketing({ marketing: { email: false } }, { marketing: { email: true } })).toBe(true)
    expect(grantsMarketing(null, { marketing: { live: true } })).toBe(true)
    expect(grantsMarketing({ marketing: { email: true } }, { marketing: { email: true } })).toBe(false)
    expect(grantsMarketing({ marketing: { email: true } }, { marketing: { email: false } })).toBe(false)
    expect(grantsMarketing({ marketing: { email: false } }, { orders: { email: true } })).toBe(false)
    expect(grantsMarketing({}, null)).toBe(false)
  })
})
