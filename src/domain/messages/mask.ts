/**
 * Hides contact details in a message so that a client and a writer cannot take their
 * work off the platform (reference §3.10, screening with the "mask" action): email
 * addresses (also written `name (at) host (dot) com`, `name at host dot com`, with
 * spaces around `@`), links, `@handles` and phone numbers become `[email hidden]`,
 * `[link hidden]`, `[handle hidden]` and `[phone hidden]`. Tuned to leave ordinary order
 * talk alone: page counts, word ranges ("2500-3000 words"), years and year ranges, dates,
 * decimals, prices and thousands, numbered lists, order numbers.
 *
 * Matching runs on a normalised view of the text (NFKC, so full-width and other
 * compatibility forms read as ASCII; invisible characters such as zero-width spaces,
 * bidi controls and soft hyphens dropped; every dash read as `-`), and each match is
 * mapped back to the characters it came from: what is not masked is returned exactly as
 * written (an emoji's zero-width joiners, a Persian zero-width non-joiner included).
 */

export const EMAIL_MASK = '[email hidden]'
export const PHONE_MASK = '[phone hidden]'
export const LINK_MASK = '[link hidden]'
export const HANDLE_MASK = '[handle hidden]'

/** The normalised text, and for each of its UTF-16 units the original range it stands for. */
type Projection = { text: string; from: number[]; to: number[] }
/** A piece of the projected text to hide. */
type Span = { start: number; end: number; mask: string }

// Format characters (zero-width space and joiners, bidi controls, soft hyphen, word
// joiner, byte-order mark…) and the other default-ignorables (variation selectors, fillers, tags).
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u
// Dashes NFKC leaves as they are (hyphen, en and em dashes, minus sign…).
const DASH = /^[\p{Pd}\u2212]$/u

const project = (text: string): Projection => {
  const parts: string[] = []
  const from: number[] = []
  const to: number[] = []
  let offset = 0
  for (const char of text) {
    const end = offset + char.length
    if (!INVISIBLE.test(char)) {
      const normal = DASH.test(char) ? '-' : char.normalize('NFKC')
      for (let i = 0; i < normal.length; i += 1) {
        from.push(offset)
        to.push(end)
      }
      parts.push(normal)
    }
    offset = end
  }
  return { text: parts.join(''), from, to }
}

/** `pattern`'s matches replaced by `replacement`, each new unit standing for the whole match. */
const rewrite = (view: Projection, pattern: RegExp, replacement: string): Projection => {
  const next: Projection = { text: '', from: [], to: [] }
  const copy = (start: number, end: number) => {
    next.text += view.text.slice(start, end)
    for (let i = start; i < end; i += 1) {
      next.from.push(view.from[i]!)
      next.to.push(view.to[i]!)
    }
  }
  let last = 0
  for (const match of view.text.matchAll(pattern)) {
    copy(last, match.index)
    next.text += replacement
    for (let i = 0; i < replacement.length; i += 1) {
      next.from.push(view.from[match.index]!)
      next.to.push(view.to[match.index + match[0].length - 1]!)
    }
    last = match.index + match[0].length
  }
  copy(last, view.text.length)
  return next
}

const spansOf = (text: string, pattern: RegExp, mask: string, keep: (match: string) => boolean = () => true): Span[] =>
  [...text.matchAll(pattern)].filter((m) => keep(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length, mask }))

// What a found piece is overwritten with before the next kind is looked for, so that no
// later pattern matches into it: no pattern below accepts this character.
const BLOCK = '<'
const blockOut = (text: string, spans: readonly { start: number; end: number }[]): string =>
  spans.reduce((out, { start, end }) => out.slice(0, start) + BLOCK.repeat(end - start) + out.slice(end), text)

const COMMON_TLDS = 'com|net|org|info|biz|io|co|app|dev|ai|ly|gg|xyz|site|online|store|shop|top|link|click|live|email|us|uk|ca|au|de|fr|es|nl|ru|cn|jp|br|za|ng|ke|edu|gov'
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?'

// `(at)`, `[at]`, `{@}`, `(dot)`, `[.]`: written only to dodge a filter, so always read as `@` and `.`.
const BRACKETED_AT = /[ \t]*[([{][ \t]*(?:at|@)[ \t]*[)\]}][ \t]*/gi
const BRACKETED_DOT = /[ \t]*[([{][ \t]*(?:dot|\.)[ \t]*[)\]}][ \t]*/gi

// Starting only where a run of address characters starts keeps a long run from costing its square.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
// `name @ host . com`, `name at host dot com`: a common top-level domain at the end.
const SEPARATOR = String.raw`(?:[ \t]*\.[ \t]*|[ \t]+dot[ \t]+)`
const SPACED_EMAIL = new RegExp(String.raw`(?<![\w.%+-])[A-Za-z0-9._%+-]+(?:[ \t]*@[ \t]*|[ \t]+at[ \t]+)${LABEL}(?:${SEPARATOR}${LABEL})*${SEPARATOR}(?:${COMMON_TLDS})\b`, 'gi')
// "look at the dot com era" is prose: the spelled form needs a spelled " dot " and no
// little word where the host's name would be.
const PROSE_WORDS = /[ \t](?:the|a|an|this|that|my|your|our|their|his|her|its|some|any|every)[ \t]/i
const spelledEmail = (match: string) => match.includes('@') || (/[ \t]dot[ \t]/i.test(match) && !PROSE_WORDS.test(match.replace(/^\S+[ \t]+at/i, ' ')))

// A link's last character is never sentence punctuation: "see www.site.com." keeps its dot.
const URL_TAIL = String.raw`[^\s<>"'\`]*[^\s<>"'\`.,;:!?)\]]`
const LINKS = [
  new RegExp(String.raw`\b(?:https?|ftp):\/\/${URL_TAIL}`, 'gi'),
  new RegExp(String.raw`\bwww\.${URL_TAIL}`, 'gi'),
  // A bare domain with a path (example.com/x, t.me/x, bit.ly/x): any top-level domain.
  new RegExp(String.raw`\b(?:${LABEL}\.)+[A-Za-z]{2,24}\/(?:${URL_TAIL})?`, 'g'),
  // A bare domain alone: only common top-level domains, written in lower case, so that
  // "Node.js", "ASP.NET" or "essay.docx" stay as they are.
  new RegExp(String.raw`\b(?:${LABEL}\.)+(?:${COMMON_TLDS})\b(?!\.?[A-Za-z0-9-])`, 'g'),
]

// @writer_joe, @joe.writes: a letter or underscore first, two characters at least, not
// inside a word or an address.
const HANDLE = /(?<![\w@.])@[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]/g

// Dates are never phone numbers: 2024-05-01, 1.5.2024, 05/01/2024.
const DATE = /\b(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\b/g

// Digit groups joined by spaces, a dot, dashes (spaced or not), a spaced dot or a
// bracketed area code, optionally after "+": "+1 (555) 123-4567", "555.123.4567",
// "020 7946 0958", "555 - 123 - 4567", "5-5-5-1-2-3-4". A dot followed by a space ends a
// sentence and joins nothing.
const PHONE_CANDIDATE = /(?<![\w+\-.])(?:\+ ?)?\(?\d+(?:(?:[ \t]*-{1,3}[ \t]*|\.|[ \t]+\.[ \t]+|[ \t]{1,3}|\) ?| ?\()\d+)*(?!\w)/g

const YEAR = /^(?:1[5-9]|20)\d{2}$/
// 12.50-15.75, 9.00 - 17.00: a range of decimals (prices, hours).
const DECIMAL_RANGE = /^\d+\.\d+[ \t]*-+[ \t]*\d+\.\d+$/

/** Whether a run of digit groups is a phone number rather than a number in ordinary text. */
export const looksLikePhone = (candidate: string): boolean => {
  const groups = candidate.match(/\d+/g) ?? []
  if (groups.join('').length < 7) return false
  if (candidate.startsWith('+')) return true
  // One unbroken run of seven or more digits: a phone written without separators.
  if (groups.length === 1) return true
  // 1990-2020, "2019 2020 2021".
  if (groups.every((group) => YEAR.test(group))) return false
  if (DECIMAL_RANGE.test(candidate)) return false
  if (groups.length === 2) {
    // 3.14159265 is a decimal; 2500-3000 a range; 555-1234 and 0207 9460958 are phones.
    if (/^\d+\.\d+$/.test(candidate)) return false
    const [a, b] = groups as [string, string]
    return (a.length === 3 && b.length === 4) || a.length >= 5 || b.length >= 5
  }
  const [first, ...rest] = groups as [string, ...string[]]
  // Short groups: "questions 1 2 3 4 5 6 7" and "10 - 20 - 30 - 40" count up, a list;
  // "5 5 5 1 2 3 4" or "01 23 45 67 89" (a leading zero) is a phone spelled out.
  if (groups.every((group) => group.length <= 2)) {
    const countsUp = groups.every((group, i) => i === 0 || Number(group) > Number(groups[i - 1]))
    return !countsUp || first.startsWith('0')
  }
  // "sections 1 2 3 4 5 6 7" is a list; "1 800 555 1234" a phone.
  if (rest.some((group) => group.length === 1)) return false
  // Thousands: "1 000 000", "12.345.678".
  if (first.length <= 2 && rest.every((group) => group.length === 3)) return false
  return true
}

/** The pieces of `text` to hide, in the projection's units, in order and apart. */
const contactSpans = (view: Projection): Span[] => {
  let text = view.text
  const found: Span[] = []
  const take = (spans: Span[]) => {
    found.push(...spans)
    text = blockOut(text, spans)
  }
  // Emails first (their domains would read as links), links next (their digits would
  // read as phones), then handles, phones last, never inside a date.
  take(spansOf(text, EMAIL, EMAIL_MASK))
  take(spansOf(text, SPACED_EMAIL, EMAIL_MASK, spelledEmail))
  for (const link of LINKS) take(spansOf(text, link, LINK_MASK))
  take(spansOf(text, HANDLE, HANDLE_MASK))
  const withoutDates = blockOut(text, spansOf(text, DATE, ''))
  take(spansOf(withoutDates, PHONE_CANDIDATE, PHONE_MASK, looksLikePhone))
  return found.sort((a, b) => a.start - b.start)
}

/** The text with contact details hidden, and whether anything was hidden. */
export const maskContactDetails = (text: string): { text: string; masked: boolean } => {
  const view = rewrite(rewrite(project(text), BRACKETED_AT, '@'), BRACKETED_DOT, '.')
  const spans = contactSpans(view)
  if (spans.length === 0) return { text, masked: false }
  let out = ''
  let last = 0
  for (const span of spans) {
    // Back to the characters as written; two pieces from one character (a "⑴") share it.
    const start = Math.max(view.from[span.start]!, last)
    const end = view.to[span.end - 1]!
    if (end <= start) continue
    out += text.slice(last, start) + span.mask
    last = end
  }
  return { text: out + text.slice(last), masked: true }
}
