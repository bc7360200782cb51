/**
 * The little XML the feeds need, written directly. A DOM builder (xmlbuilder2, tried
 * first) took about a second for a sitemap of 18,000 URLs; this takes milliseconds, and
 * sitemaps are what crawlers fetch most.
 */

/** An element: text content, or child elements, or neither (written `<name/>`). */
export type XmlElement = { name: string; attributes?: Record<string, string>; text?: string; children?: readonly XmlElement[] }

// XML 1.0's Char production: tab, line feed, carriage return and everything from space
// up but surrogates (a lone one, with `u`, is a code point of its own) and U+FFFE/FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text as XML character data or an attribute value: the five special characters as
 * entities, and characters XML cannot carry at all (control characters a title pasted
 * from a word processor may hold) dropped, since one would make the whole feed unreadable.
 */
export const xmlEscape = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char]!)

const attributesOf = (attributes: Record<string, string> | undefined): string =>
  Object.entries(attributes ?? {})
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join('')

const render = (element: XmlElement, indent: string, out: string[]): void => {
  const open = `${indent}<${element.name}${attributesOf(element.attributes)}`
  if (element.text !== undefined) out.push(`${open}>${xmlEscape(element.text)}</${element.name}>`)
  else if (!element.children?.length) out.push(`${open}/>`)
  else {
    out.push(`${open}>`)
    for (const child of element.children) render(child, `${indent}  `, out)
    out.push(`${indent}</${element.name}>`)
  }
}

/** A UTF-8 XML document of `root`, one element a line (readable when someone opens it in a browser). */
export const xmlDocument = (root: XmlElement): string => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>']
  render(root, '', out)
  return `${out.join('\n')}\n`
}

/** An element with text, or nothing when there is no text (optional elements). */
export const textElement = (name: string, text: string | null | undefined, attributes?: Record<string, string>): XmlElement[] =>
  text === null || text === undefined || text === '' ? [] : [{ name, text, attributes }]

/** An instant as ISO 8601 (sitemaps' W3C Datetime), or null when it is not a date. */
export const isoInstant = (value: string | Date | null | undefined): string | null => {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** The newest of some instants (null when none is a date). */
export const newestInstant = (values: readonly (string | Date | null | undefined)[]): string | null =>
  values.map(isoInstant).reduce<string | null>((newest, value) => (value && (!newest || value > newest) ? value : newest), null)
