import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'

/**
 * A new XML document. Characters XML 1.0 cannot carry (control characters a title pasted
 * from a word processor may hold) are dropped rather than written, which would make the
 * whole feed unreadable; xmlbuilder2 escapes `&`, `<` and `>` in text and quotes in
 * attributes itself.
 */
export const xmlDocument = (): XMLBuilder => create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' })

/** The document as text, one element a line (readable when someone opens it in a browser). */
export const xmlText = (doc: XMLBuilder): string => `${doc.end({ prettyPrint: true })}\n`

/** An instant as ISO 8601 (sitemaps' W3C Datetime), or null when it is not a date. */
export const isoInstant = (value: string | Date | null | undefined): string | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The newest of some instants (null when none is a date). */
export const newestInstant = (values: readonly (string | Date | null | undefined)[]): string | null =>
  values.map(isoInstant).reduce<string | null>((newest, value) => (value && (!newest || value > newest) ? value : newest), null)
