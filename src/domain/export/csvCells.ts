/**
 * How a CSV export writes a document's values: one cell per top-level field, readable
 * by a spreadsheet and never a formula.
 */

/** What a column holds, as far as its cells are written differently. */
export type ColumnKind = 'money' | 'relationship' | 'structured' | 'plain'

export type Column = { name: string; kind: ColumnKind }

/** The digits after the decimal point of a currency's major unit (USD 2, JPY 0, BHD 3), from Intl's data. */
export const minorDigits = (currency: string): number => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/**
 * An amount in minor units as a decimal amount of its currency: 12345 USD → "123.45",
 * 1500 JPY → "1500". No grouping and no symbol, so spreadsheets read it as a number;
 * the scale comes from the currency, never a fixed 100.
 */
export const moneyCell = (minor: number, currency: string): string => {
  const digits = minorDigits(currency)
  const format = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })
  return format.format(minor / 10 ** digits)
}

// A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

/** Text as a cell: a leading quote stops a spreadsheet reading it as a formula. */
export const textCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

const idOfRef = (value: unknown): unknown => {
  if (value && typeof value === 'object') {
    const ref = value as { id?: unknown; relationTo?: unknown; value?: unknown }
    if ('relationTo' in ref) return `${String(ref.relationTo)}:${String(idOfRef(ref.value))}`
    if ('id' in ref) return ref.id
  }
  return value
}

/** One cell of a row; `currency` is the row's own (for money columns). */
export const cellOf = (column: Column, value: unknown, currency: string | null): string => {
  if (value === null || value === undefined) return ''
  switch (column.kind) {
    case 'money':
      return typeof value === 'number' && currency ? moneyCell(value, currency) : String(value)
    case 'relationship':
      return Array.isArray(value) ? value.map((v) => String(idOfRef(v))).join(' ') : String(idOfRef(value))
    case 'structured':
      return textCell(JSON.stringify(value))
    default:
      return typeof value === 'string' ? textCell(value) : String(value)
  }
}

/** The last line of an export cut at `cap` rows: why, and how to get the rest. */
export const truncationNotice = (cap: number, total: number): string =>
  `Export cut at ${cap} of ${total} rows: narrow the filter (where) or export in parts, e.g. by a createdAt range.`
