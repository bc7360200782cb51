import { minorUnitDigits } from './currency'

/**
 * A whole amount of minor units as the exact decimal text of the major unit, by moving
 * the point `digits` places (12345, 2 → "123.45"; 12345, 0 → "12345"; -5, 2 → "-0.05"):
 * no floating-point division, so no rounding surprise on large amounts.
 */
export const minorToDecimal = (amount: number, digits: number): string => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole number of minor units: ${amount}`)
  const sign = amount < 0 ? '-' : ''
  const text = Math.abs(amount).toString()
  if (digits === 0) return `${sign}${text}`
  const padded = text.padStart(digits + 1, '0')
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}

/** An amount in minor units in its currency ("$123.45", "¥12,345", "-€0.05"), for people to read. */
export const formatMoney = (amount: number, currency: string, locale = 'en-US', options: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, ...options }).format(minorToDecimal(amount, minorUnitDigits(currency)) as Intl.StringNumericLiteral)
