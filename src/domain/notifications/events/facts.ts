import { DEFAULT_CURRENCY, isIsoCurrency } from '@/domain/currency'
import { formatMoney } from '@/domain/moneyFormat'

/**
 * Reading an event's facts for its texts. Facts come from `notify()` callers as loose
 * JSON; a missing or malformed one reads as a plain fallback, so no text ever shows
 * "undefined" or "NaN".
 */
export type Facts = Record<string, unknown>

/** A fact as a trimmed, non-empty string (numbers read as their digits), else `fallback`. */
export const textOf = (data: Facts, key: string, fallback = ''): string => {
  const value = data[key]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return fallback
}

/** A fact as a finite number, else null. */
export const numberOf = (data: Facts, key: string): number | null => {
  const value = data[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** The website's currency the event's amounts are in (`currency` fact), else the default. */
export const currencyOf = (data: Facts): string => {
  const code = textOf(data, 'currency').toUpperCase()
  return isIsoCurrency(code) ? code : DEFAULT_CURRENCY
}

/** An amount fact (minor units) formatted in the event's currency ("$12.50"), else `fallback`. */
export const moneyOf = (data: Facts, key = 'amount', fallback = 'an amount'): string => {
  const amount = numberOf(data, key)
  return amount !== null && Number.isSafeInteger(amount) ? formatMoney(amount, currencyOf(data)) : fallback
}

/** "order 2026-00012" from the `number` fact, else "your order". */
export const orderLabel = (data: Facts, key = 'number'): string => {
  const number = textOf(data, key)
  return number ? `order ${number}` : 'your order'
}

/** The same, capitalised for the start of a title or sentence. */
export const OrderLabel = (data: Facts, key = 'number'): string => {
  const label = orderLabel(data, key)
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** A path on the website for a record (`/orders/12`), or `fallback` when the id fact is missing. */
export const linkTo = (base: string, data: Facts, key: string, fallback: string | null = null): string | null => {
  const id = textOf(data, key)
  return id ? `${base}/${encodeURIComponent(id)}` : fallback
}

/** `" Reason: …"` when the event carries one, else nothing. */
export const reasonSuffix = (data: Facts, key = 'reason'): string => {
  const reason = textOf(data, key)
  return reason ? ` Reason: ${reason}` : ''
}

/** A whole-number fact with its unit, pluralised ("3 points", "1 hour"), else `fallback`. */
export const countOf = (data: Facts, key: string, unit: string, fallback: string): string => {
  const n = numberOf(data, key)
  if (n === null) return fallback
  return `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`
}

/** snake_case / camelCase words of a status or kind, for people ("on_hold" → "on hold"). */
export const wordsOf = (value: string): string => value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._-]/g, ' ').toLowerCase()
