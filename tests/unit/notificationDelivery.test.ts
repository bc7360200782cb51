import { describe, expect, it } from 'vitest'

import { decideDelivery, digestTakes, hourIn, inDoNotDisturb, MAIL_RATE_LIMIT_PER_HOUR, type DeliveryInput } from '@/domain/notifications/delivery'
import { defaultPreferences, mergePreferences, type Preferences } from '@/domain/notifications/preferences'

const NOON_UTC = new Date('2026-12-01T12:00:00Z')

const input = (preferences: Partial<Preferences> = {}, over: Partial<DeliveryInput> = {}): DeliveryInput => ({
  event: 'order.assigned',
  category: 'orders',
  priority: 'normal',
  preferences: { ...defaultPreferences(['client'], 'UTC'), ...preferences },
  now: NOON_UTC,
  mailedLastHour: 0,
  hasEmail: true,
  ...over,
})

describe('defaults per role', () => {
  it('mails clients and writers marketing but not staff; every category in-app and live for all', () => {
    expect(defaultPreferences(['client'], 'UTC').channels.marketing.email).toBe(true)
    expect(defaultPreferences(['writer'], 'UTC').channels.marketing.email).toBe(true)
    expect(defaultPreferences(['admin'], 'UTC').channels.marketing.email).toBe(false)
    expect(defaultPreferences(['writer'], 'UTC').channels.orders).toEqual({ inApp: true, email: true, live: true })
  })

  it('a stored row overrides only what it sets', () => {
    const merged = mergePreferences(defaultPreferences(['client'], 'Europe/Berlin'), { channels: { orders: { email: false } }, digest: 'daily', timeZone: null })
    expect(merged.channels.orders).toEqual({ inApp: true, email: false, live: true })
    expect(merged.channels.payments.email).toBe(true)
    expect(merged.digest).toBe('daily')
    expect(merged.timeZone).toBe('Europe/Berlin')
  })
})

describe('decideDelivery', () => {
  it('sends now by default', () => {
    expect(decideDelivery(input())).toMatchObject({ inApp: true, live: true, email: 'send' })
  })

  it('a muted user gets the in-app row, no toast and no mail', () => {
    expect(decideDelivery(input({ muteUntil: new Date('2026-12-02T00:00:00Z') }))).toMatchObject({ inApp: true, live: false, email: 'skip', reason: 'muted' })
    expect(decideDelivery(input({ muteUntil: new Date('2026-11-30T00:00:00Z') })).email).toBe('send')
  })

  it('critical events and receipts ignore mute, do-not-disturb, switches, digests and the rate limit', () => {
    const everythingOff = input({ muteUntil: new Date('2027-01-01T00:00:00Z'), dndStart: 0, dndEnd: 23, digest: 'weekly', minPriority: 'critical', channels: { ...defaultPreferences(['client'], 'UTC').channels, orders: { inApp: false, email: false, live: false } } })
    expect(decideDelivery({ ...everythingOff, priority: 'critical', mailedLastHour: 99 })).toMatchObject({ email: 'send', live: true, inApp: true })
    expect(decideDelivery({ ...everythingOff, event: 'billing.receipt.issued', category: 'orders' }).email).toBe('send')
  })

  it('the category’s mail switch and the minimum priority skip mail', () => {
    const channels = { ...defaultPreferences(['client'], 'UTC').channels, orders: { inApp: true, email: false, live: true } }
    expect(decideDelivery(input({ channels })).email).toBe('skip')
    expect(decideDelivery(input({ minPriority: 'high' })).email).toBe('skip')
    expect(decideDelivery(input({ minPriority: 'high' }, { priority: 'high' })).email).toBe('send')
  })

  it('do-not-disturb in the user’s zone holds mail for the digest', () => {
    // 12:00 UTC is 21:00 in Tokyo: inside 20 → 8 there, outside it in UTC.
    expect(decideDelivery(input({ dndStart: 20, dndEnd: 8, timeZone: 'Asia/Tokyo' }))).toMatchObject({ email: 'digest', reason: 'do not disturb' })
    expect(decideDelivery(input({ dndStart: 20, dndEnd: 8, timeZone: 'UTC' })).email).toBe('send')
  })

  it('a digest frequency holds mail; the rate limit sends the excess to the digest', () => {
    expect(decideDelivery(input({ digest: 'daily' })).email).toBe('digest')
    expect(decideDelivery(input({}, { mailedLastHour: MAIL_RATE_LIMIT_PER_HOUR - 1 })).email).toBe('send')
    expect(decideDelivery(input({}, { mailedLastHour: MAIL_RATE_LIMIT_PER_HOUR }))).toMatchObject({ email: 'digest', reason: 'rate limited' })
  })

  it('nobody without an address is mailed', () => {
    expect(decideDelivery(input({}, { hasEmail: false, priority: 'critical' })).email).toBe('skip')
  })
})

describe('do-not-disturb hours', () => {
  it('span midnight, start inclusive and end exclusive', () => {
    const at = (iso: string) => new Date(iso)
    const p = { dndStart: 22, dndEnd: 7, timeZone: 'UTC' }
    expect(inDoNotDisturb(p, at('2026-12-01T22:00:00Z'))).toBe(true)
    expect(inDoNotDisturb(p, at('2026-12-01T03:00:00Z'))).toBe(true)
    expect(inDoNotDisturb(p, at('2026-12-01T07:00:00Z'))).toBe(false)
    expect(inDoNotDisturb({ dndStart: 9, dndEnd: 17, timeZone: 'America/New_York' }, at('2026-12-01T15:00:00Z'))).toBe(true)
    expect(inDoNotDisturb({ dndStart: 5, dndEnd: 5, timeZone: 'UTC' }, at('2026-12-01T05:00:00Z'))).toBe(false)
    expect(hourIn(at('2026-12-01T23:30:00Z'), 'Europe/Berlin')).toBe(0)
  })
})

describe('digest runs', () => {
  it('each takes its frequency; the hourly run also delivers what was held for users without a digest', () => {
    expect(digestTakes('daily', 'daily')).toBe(true)
    expect(digestTakes('daily', 'none')).toBe(false)
    expect(digestTakes('hourly', 'none')).toBe(true)
    expect(digestTakes('weekly', 'daily')).toBe(false)
  })
})
