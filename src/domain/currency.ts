/** ISO 4217 codes this runtime knows (Intl ships the list, so no table to maintain). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

export const DEFAULT_CURRENCY = 'USD'

export const isIsoCurrency = (code: string): boolean => ISO_CURRENCIES.has(code)

export const currencyOptions = (): string[] => [...ISO_CURRENCIES].sort()

/** Digits of the currency's minor unit as Intl knows them: 2 for USD, 0 for JPY, 3 for KWD. */
export const minorUnitDigits = (currency: string): number => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/** An amount in minor units shown in its currency (`$1,234.50`, `¥1,234`), by the currency's own digits. */
export const formatMinorUnits = (amount: number, currency: string, locale?: string, options: Intl.NumberFormatOptions = {}): string =>
  new Intl.NumberFormat(locale, { style: 'currency', currency, ...options }).format(amount / 10 ** minorUnitDigits(currency))
