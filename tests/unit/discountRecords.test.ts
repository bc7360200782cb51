import { describe, expect, it } from 'vitest'

import { campaignDue } from '@/domain/discounts/campaignWorkflow'
import { discountStatus, isDiscountCode, normalizeCode } from '@/domain/discounts/records'

const now = new Date('2026-12-01T12:00:00Z')
const hour = 3600_000
const base = { active: true, archived: false, startsAt: null, endsAt: null, usageLimit: null, usages: 0, campaignClosed: false, now }

describe('discount codes', () => {
  it('are case-insensitive: trimmed and upper-cased', () => {
    expect(normalizeCode('  welcome10 ')).toBe('WELCOME10')
    expect(isDiscountCode('ALPHA-5_X')).toBe(true)
    expect(isDiscountCode('ALPHA 5')).toBe(false)
    expect(isDiscountCode('A'.repeat(65))).toBe(false)
  })
})

describe('discountStatus', () => {
  it('derives the list status: archived and disabled first, then the window, then the limit', () => {
    expect(discountStatus(base)).toBe('active')
    expect(discountStatus({ ...base, archived: true, usages: 5, usageLimit: 1 })).toBe('archived')
    expect(discountStatus({ ...base, active: false })).toBe('draft')
    expect(discountStatus({ ...base, active: false, startsAt: new Date(now.getTime() - hour) })).toBe('disabled')
    expect(discountStatus({ ...base, startsAt: new Date(now.getTime() + hour) })).toBe('scheduled')
    expect(discountStatus({ ...base, endsAt: now })).toBe('expired')
    expect(discountStatus({ ...base, campaignClosed: true })).toBe('expired')
    expect(discountStatus({ ...base, usageLimit: 2, usages: 2 })).toBe('exhausted')
    expect(discountStatus({ ...base, usageLimit: 2, usages: 1 })).toBe('active')
  })
})

describe('campaignDue', () => {
  const campaign = { status: 'scheduled' as const, startsAt: new Date(now.getTime() - hour), endsAt: null, budget: null, spent: 0 }
  it('opens a scheduled campaign at its start, not before', () => {
    expect(campaignDue(campaign, now)).toBe('open')
    expect(campaignDue({ ...campaign, startsAt: new Date(now.getTime() + hour) }, now)).toBeNull()
  })
  it('closes at its end or once its budget is spent, and leaves closed ones alone', () => {
    expect(campaignDue({ ...campaign, status: 'active', endsAt: now }, now)).toBe('close')
    expect(campaignDue({ ...campaign, status: 'active', budget: 500, spent: 500 }, now)).toBe('close')
    expect(campaignDue({ ...campaign, status: 'active', budget: 500, spent: 499 }, now)).toBeNull()
    expect(campaignDue({ ...campaign, endsAt: new Date(now.getTime() - 1) }, now)).toBe('close')
    expect(campaignDue({ ...campaign, status: 'closed', endsAt: now }, now)).toBeNull()
  })
})
