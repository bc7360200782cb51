/** ISO 4217 codes this runtime knows (Intl ships the list, so no table to maintain). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

export const DEFAULT_CURRENCY = 'USD'

export const isIsoCurrency = (code: string): boolean => ISO_CURRENCIES.has(code)

export const currencyOptions = (): string[] => [...ISO_CURRENCIES].sort()
