import { describe, expect, it } from 'vitest'

import { deviceLabel } from '@/domain/sessions/deviceLabel'
import { idleExpired, roleGroupOf, sessionEndsAt, sessionPolicyOf, sessionsOverLimit } from '@/domain/sessions/policy'

describe('session policy', () => {
  it('groups roles: panel roles are staff, then writer, then client', () => {
    expect(roleGroupOf(['admin'])).toBe('staff')
    expect(roleGroupOf(['content'])).toBe('staff')
    expect(roleGroupOf(['writer'])).toBe('writer')
    expect(roleGroupOf(['client'])).toBe('client')
    expect(roleGroupOf(null)).toBe('client')
  })

  it('takes the defaults without websites, the website’s values, and the strictest of several', () => {
    expect(sessionPolicyOf(['support'], [])).toEqual({ idleMinutes: 30, maxSessions: 5 })
    expect(sessionPolicyOf(['writer'], [{ idleMinutes: {}, maxSessions: {} }])).toEqual({ idleMinutes: 120, maxSessions: 5 })
    expect(sessionPolicyOf(['client'], [{ idleMinutes: { client: 60 }, maxSessions: { client: 2 } }])).toEqual({ idleMinutes: 60, maxSessions: 2 })
    const websites = [
      { idleMinutes: { staff: 45 }, maxSessions: { staff: 3 } },
      { idleMinutes: { staff: 20, client: 5 }, maxSessions: { staff: 8 } },
    ]
    expect(sessionPolicyOf(['admin'], websites)).toEqual({ idleMinutes: 20, maxSessions: 3 })
    // A value that is no number (cleared in the form) falls back to the default.
    expect(sessionPolicyOf(['client'], [{ idleMinutes: { client: null }, maxSessions: { client: 0 } }])).toEqual({ idleMinutes: 480, maxSessions: 5 })
  })

  it('expires strictly after the timeout and ends at the sooner of idle end and absolute expiry', () => {
    const now = Date.UTC(2026, 11, 1, 12)
    expect(idleExpired(now - 30 * 60_000, now, 30)).toBe(false)
    expect(idleExpired(now - 30 * 60_000 - 1, now, 30)).toBe(true)
    expect(sessionEndsAt(now, 30, null).toISOString()).toBe('2026-12-01T12:30:00.000Z')
    expect(sessionEndsAt(now, 30, new Date(now + 10 * 60_000)).toISOString()).toBe('2026-12-01T12:10:00.000Z')
  })

  it('ends the oldest sessions past the limit and always keeps at least one', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute))
    const sessions = [
      { id: 'c', createdAt: at(3) },
      { id: 'a', createdAt: at(1) },
      { id: 'b', createdAt: at(2).toISOString() },
    ]
    expect(sessionsOverLimit(sessions, 5)).toEqual([])
    expect(sessionsOverLimit(sessions, 2).map((s) => s.id)).toEqual(['a'])
    expect(sessionsOverLimit(sessions, 0).map((s) => s.id)).toEqual(['a', 'b'])
  })
})

describe('device label', () => {
  it('names browser and system from common User-Agents, and never fails', () => {
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge on Windows')
    expect(deviceLabel('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe('Chrome on macOS')
    expect(deviceLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari on iPhone')
    expect(deviceLabel('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36')).toBe('Samsung Internet on Android')
    expect(deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Linux')
    expect(deviceLabel('curl/8.5.0')).toBe('curl')
    expect(deviceLabel('')).toBe('Unknown device')
    expect(deviceLabel(null)).toBe('Unknown device')
    expect(deviceLabel('x'.repeat(10_000))).toBe('Unknown device')
  })
})
