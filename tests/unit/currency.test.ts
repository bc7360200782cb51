import { describe, expect, it } from 'vitest'

import { minorUnitDigits, parseMajorAmount } from '@/domain/currency'
import { formatMoney } from '@/domain/moneyFormat'

describe('minor units', () => {
  it('knows each currency’s minor-unit digits', () => {
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('KWD')).toBe(3)
  })

  it('reads a typed major amount as exact minor units, without float rounding', () => {
    expect(parseMajorAmount('12.5', 'USD')).toBe(1250)
    expect(parseMajorAmount('0.29', 'USD')).toBe(29) // 0.29 * 100 = 28.999…
    expect(parseMajorAmount(' 1,234.05 ', 'EUR')).toBe(123405)
    expect(parseMajorAmount('1500', 'JPY')).toBe(1500)
    expect(parseMajorAmount('1.234', 'KWD')).toBe(1234)
  })

  it('refuses what is not a plain amount or has more decimals than the currency', () => {
    for (const text of ['', 'abc', '-5', '1e3', '1.', '.5', '12.345']) expect(parseMajorAmount(text, 'USD')).toBeNull()
    expect(parseMajorAmount('15.5', 'JPY')).toBeNull()
  })

  it('formats minor units in the currency’s own format', () => {
    expect(formatMoney(123450, 'USD')).toBe('$1,234.50')
    expect(formatMoney(1234, 'JPY')).toBe('¥1,234')
    expect(formatMoney(-500, 'EUR')).toBe('-€5.00')
  })
})
