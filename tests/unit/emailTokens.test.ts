import { describe, expect, it } from 'vitest'

import { EMAIL_TOKEN_HOURS, emailTokenLive, hashEmailToken, isEmailTokenShaped, issueEmailToken, mayPlaceUnverified } from '@/domain/accounts/emailTokens'
import { maskEmail } from '@/domain/accounts/maskEmail'
import { actionOfWrite } from '@/domain/audit/actions'

describe('email link tokens', () => {
  it('issues a URL-safe token, stores only its hash, and ends after 48 hours', () => {
    const now = new Date('2026-12-01T10:00:00Z')
    const { token, fields } = issueEmailToken('verify', now)
    expect(isEmailTokenShaped(token)).toBe(true)
    expect(fields.emailTokenHash).toBe(hashEmailToken('verify', token))
    expect(fields.emailTokenHash).not.toContain(token)
    expect(new Date(fields.emailTokenExpiresAt).getTime() - now.getTime()).toBe(EMAIL_TOKEN_HOURS * 3600 * 1000)
    expect(issueEmailToken('verify', now).token).not.toBe(token)
  })

  it('hashes a token differently per purpose: a verification link cannot confirm a change', () => {
    expect(hashEmailToken('verify', 'x'.repeat(43))).not.toBe(hashEmailToken('change', 'x'.repeat(43)))
  })

  it('works until its end, not at it', () => {
    const end = new Date('2026-12-03T10:00:00Z')
    expect(emailTokenLive(end, new Date('2026-12-03T09:59:59Z'))).toBe(true)
    expect(emailTokenLive(end, end)).toBe(false)
    expect(emailTokenLive(null, end)).toBe(false)
  })

  it('refuses shapes a link never carries', () => {
    for (const token of ['', 'short', `${'a'.repeat(42)}!`, 'a'.repeat(44)]) expect(isEmailTokenShaped(token)).toBe(false)
  })
})

describe('placement and verification', () => {
  it('holds only where the website requires it', () => {
    expect(mayPlaceUnverified(false, null)).toBe(true)
    expect(mayPlaceUnverified(true, null)).toBe(false)
    expect(mayPlaceUnverified(true, '2026-12-01T10:00:00Z')).toBe(true)
  })
})

describe('addresses shown in part', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('nora@example.com')).toBe('n***@example.com')
    expect(maskEmail('nobody')).toBe('***')
  })

  it('an admin changing a user’s email is audited as an email change', () => {
    expect(actionOfWrite('users', 'update', ['email'])).toBe('email_change')
  })
})
