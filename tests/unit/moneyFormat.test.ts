import { describe, expect, it } from 'vitest'

import { minorUnitDigits } from '@/domain/currency'
import { formatMoney, minorToDecimal } from '@/domain/moneyFormat'

describe('minor units', () => {
  it('knows each currency’s digits from Intl', () => {
    expect(minorUnitDigits('USD')).toBe(2)
    expect(minorUnitDigits('EUR')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('KWD')).toBe(3)
  })

  it('moves the decimal point exactly, without floating-point division', () => {
    expect(minorToDecimal(12345, 2)).toBe('123.45')
    expect(minorToDecimal(5, 2)).toBe('0.05')
    expect(minorToDecimal(0, 2)).toBe('0.00')
    expect(minorToDecimal(-5, 2)).toBe('-0.05')
    expect(minorToDecimal(12345, 0)).toBe('12345')
    expect(minorToDecimal(1, 3)).toBe('0.001')
    // 2^53 − 1 cents: a float division would round the last digits.
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91')
  })

  it('refuses what is not a whole number of minor units', () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError)
    expect(() => minorToDecimal(Number.NaN, 2)).toThrow(RangeError)
  })
})

/** Intl separates a currency code with a no-break space; compare as plain text. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ')

describe('formatMoney', () => {
  it('formats in the currency’s own minor units', () => {
    expect(formatMoney(12345, 'USD')).toBe('$123.45')
    expect(formatMoney(12345, 'JPY')).toBe('¥12,345')
    expect(plain(formatMoney(12345, 'KWD'))).toBe('KWD 12.345')
    expect(plain(formatMoney(123456789, 'EUR', 'de-DE'))).toBe('1.234.567,89 €')
  })

  it('shows negative amounts with their sign', () => {
    expect(formatMoney(-12345, 'USD')).toBe('-$123.45')
    expect(formatMoney(-5, 'USD')).toBe('-$0.05')
    expect(formatMoney(-500, 'JPY')).toBe('-¥500')
  })
})
