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

