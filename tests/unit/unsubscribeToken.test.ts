import { describe, expect, it } from 'vitest'

import { signUnsubscribe, verifyUnsubscribe } from '@/domain/notifications/unsubscribeToken'

const secret = 'x'.repeat(40)

describe('unsubscribe tokens', () => {
  it('round-trips a claim', () => {
    const token = signUnsubscribe({ user: 12, tenant: 3, category: 'marketing' }, secret)
    expect(verifyUnsubscribe(token, secret)).toEqual({ user: 12, tenant: 3, category: 'marketing' })
  })

  it('refuses a token for another user, another secret, or an unknown category', () => {
    const token = signUnsubscribe({ user: 12, tenant: 3, category: 'marketing' }, secret)
    expect(verifyUnsubscribe(token.replace(/^12\./, '13.'), secret)).toBeNull()
    expect(verifyUnsubscribe(token, 'y'.repeat(40))).toBeNull()
    expect(verifyUnsubscribe(token.replace('.marketing.', '.everything.'), secret)).toBeNull()
    expect(verifyUnsubscribe('', secret)).toBeNull()
    expect(verifyUnsubscribe(`${token}x`, secret)).toBeNull()
  })
})
