/** ISO 4217 codes this runtime knows (Intl ships the list, so no table to maintain). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

export const DEFAULT_CURRENCY = 'USD'

export const isIsoCurrency = (code: string): boolean => ISO_CURRENCIES.has(code)

export const currencyOptions = (): string[] => [...ISO_CURRENCIES].sort()

/**
 * Digits after the decimal point of a currency's minor unit (USD 2, JPY 0, KWD 3), as
 * Intl knows them: an amount in minor units is never divided by a hand-written 100.
 */
export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/**
 * A typed amount in major units ("12.5", "1,000.25") as whole minor units of `currency`,
 * read as a decimal string so that no float rounding creeps in; null when it is not a
 * plain non-negative amount or has more decimals than the currency has minor digits.
 */
export const parseMajorAmount = (text: string, currency: string): number | null => {
  const digits = minorUnitDigits(currency)
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim().replace(/,(?=\d{3}(\D|$))/g, ''))
  if (!match) return null
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return null
  const minor = Number(match[1]! + fraction.padEnd(digits, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}
