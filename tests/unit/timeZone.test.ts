import { describe, expect, it } from 'vitest'

import { dayIn, isTimeZone } from '@/domain/timeZone'

describe('website time zones', () => {
  it('takes IANA names Intl knows', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/Argentina/Salta', 'Asia/Kathmandu', 'Etc/GMT-2']) expect(isTimeZone(zone)).toBe(true)
  })

  it('refuses unknown names, offsets and junk', () => {
    for (const zone of ['', 'Mars/Olympus', '+01:00', 'UTC+1', 'Europe/Berlin; DROP', ' Europe/Berlin', 'europe/berlin/x']) expect(isTimeZone(zone)).toBe(false)
  })

  it("puts an instant on the website's calendar day", () => {
    const lateEvening = new Date('2026-11-10T23:30:00Z')
    expect(dayIn(lateEvening, 'UTC')).toBe('2026-11-10')
    expect(dayIn(lateEvening, 'Europe/Berlin')).toBe('2026-11-11')
    expect(dayIn(new Date('2026-11-11T02:00:00Z'), 'America/New_York')).toBe('2026-11-10')
  })
})
