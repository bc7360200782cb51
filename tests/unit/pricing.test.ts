import { describe, expect, it } from 'vitest'

import { multiply, toBasisPoints } from '@/domain/money'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import { deadlineBandFor, priceOrder } from '@/domain/pricing/priceOrder'
import type { QuoteInput } from '@/domain/pricing/types'

const config = defaultPricingConfig()
const essay: QuoteInput = {
  pages: 3,
  spacing: 'double',
  deadlineHours: 48,
  paperType: 'essay',
  workType: 'writing',
  academicLevel: 'undergrad',
  subject: 'humanities',
}
const total = (input: QuoteInput) => {
  const result = priceOrder(config, input)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.quote
}

describe('money', () => {
  it('rounds half up to the cent after each multiplication', () => {
    expect(multiply(4197, toBasisPoints(1.2))).toBe(5036) // 50.364
    expect(multiply(5036, toBasisPoints(1.45))).toBe(7302) // 73.022
    expect(multiply(1, toBasisPoints(1.5))).toBe(2) // 1.5 → 2
    expect(multiply(12345, toBasisPoints(1.5))).toBe(18518) // 18517.5 → 18518
  })
})

describe('priceOrder — the reference’s worked examples', () => {
  it('3 pages, double, essay, writing, undergrad, humanities, 48 h → 7302 cents', () => {
    const quote = total(essay)
    expect(quote.total).toBe(7302)
    expect(quote.currency).toBe('USD')
    expect(quote.lines.map((l) => [l.type, l.amount])).toEqual([
      ['base', 4197],
      ['multiplier', 839],
      ['multiplier', 2266],
      ['total', 7302],
    ])
  })

  it('with a preferred writer → 7801 cents', () => {
    const quote = total({ ...essay, preferredWriter: true })
    expect(quote.total).toBe(7801)
    expect(quote.lines.find((l) => l.code === 'preferredWriter')?.amount).toBe(499)
  })

  it('2 pages, single, nursing, writing, masters, nursing, 24 h → 21819 cents', () => {
    const quote = total({ pages: 2, spacing: 'single', deadlineHours: 24, paperType: 'nursing', workType: 'writing', academicLevel: 'masters', subject: 'nursing' })
    expect(quote.lines.filter((l) => l.type !== 'total').reduce((sum, l) => sum + l.amount, 0)).toBe(21819)
    expect(quote.total).toBe(21819)
  })
})

describe('deadline bands', () => {
  it('uses the smallest band that covers the deadline', () => {
    expect(deadlineBandFor(config, 20)?.maxHours).toBe(24)
    expect(deadlineBandFor(config, 24)?.maxHours).toBe(24)
    expect(deadlineBandFor(config, 25)?.maxHours).toBe(48)
    expect(deadlineBandFor(config, 1)?.maxHours).toBe(3)
    expect(total({ ...essay, deadlineHours: 20 }).total).toBe(total({ ...essay, deadlineHours: 24 }).total)
  })

  it('refuses a deadline beyond the last band, naming the field', () => {
    const result = priceOrder(config, { ...essay, deadlineHours: 800 })
    expect(result).toEqual({ ok: false, problems: [{ field: 'deadlineHours', message: 'No deadline band covers 800 h (the longest is 720 h).' }] })
  })
})

describe('inputs', () => {
  it('names every bad field at once', () => {
    const result = priceOrder(config, { ...essay, pages: 0, paperType: 'poem', subject: 'astrology', addons: ['gift_wrap'] })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['pages', 'paperType', 'subject', 'addons'])
  })

  it('refuses pages beyond 500 and inactive options', () => {
    expect(priceOrder(config, { ...essay, pages: 501 }).ok).toBe(false)
    const inactive = { ...config, paperTypes: config.paperTypes.map((p) => (p.code === 'essay' ? { ...p, active: false } : p)) }
    expect(priceOrder(inactive, essay)).toMatchObject({ ok: false, problems: [{ field: 'paperType' }] })
  })

  it('adds writer level per page, add-ons and the minimum charge', () => {
    const quote = total({ ...essay, writerLevel: 'advanced', addons: ['plagiarism_report'] })
    expect(quote.total).toBe(7302 + 3 * 499 + 999)
    const tiny = total({ ...essay, pages: 1, paperType: 'proofreading', workType: 'formatting', academicLevel: 'high_school', deadlineHours: 720 })
    expect(tiny.total).toBe(1399)
    expect(tiny.lines.some((l) => l.type === 'minimum')).toBe(true)
  })
})
