/**
 * Hides contact details in a message so that a client and a writer cannot take their
 * work off the platform (reference §3.10, screening with the "mask" action): email
 * addresses, phone numbers and links become `[email hidden]`, `[phone hidden]` and
 * `[link hidden]`. Tuned to leave ordinary order talk alone: page counts, word ranges
 * ("2500-3000 words"), years and year ranges, dates, decimals and thousands.
 */

export const EMAIL_MASK = '[email hidden]'
export const PHONE_MASK = '[phone hidden]'
export const LINK_MASK = '[link hidden]'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

// A link's last character is never sentence punctuation: "see www.site.com." keeps its dot.
const URL_TAIL = String.raw`[^\s<>"'\`]*[^\s<>"'\`.,;:!?)\]]`
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?'
const LINKS = [
  new RegExp(String.raw`\b(?:https?|ftp):\/\/${URL_TAIL}`, 'gi'),
  new RegExp(String.raw`\bwww\.${URL_TAIL}`, 'gi'),
  // A bare domain with a path (example.com/x, t.me/x, bit.ly/x): any top-level domain.
  new RegExp(String.raw`\b(?:${LABEL}\.)+[A-Za-z]{2,24}\/(?:${URL_TAIL})?`, 'g'),
  // A bare domain alone: only common top-level domains, written in lower case, so that
  // "Node.js", "ASP.NET" or "essay.docx" stay as they are.
  new RegExp(
    String.raw`\b(?:${LABEL}\.)+(?:com|net|org|info|biz|io|co|app|dev|ai|ly|gg|xyz|site|online|store|shop|top|link|click|live|email|us|uk|ca|au|de|fr|es|nl|ru|cn|jp|br|za|ng|ke|edu|gov)\b(?!\.?[A-Za-z0-9-])`,
    'g',
  ),
]

// Dates are never phone numbers: 2024-05-01, 1.5.2024, 05/01/2024.
const DATE = /\b(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})\b/g

// Digit groups joined by one separator (space, dot, dash) or a bracketed area code,
// optionally after "+": "+1 (555) 123-4567", "555.123.4567", "020 7946 0958".
const PHONE_CANDIDATE = /(?<![\w+\-.])(?:\+ ?)?\(?\d+(?:(?:[ .-]|\) ?| ?\()\d+)*(?!\w)/g

const YEAR = /^(?:1[5-9]|20)\d{2}$/

/** Whether a run of digit groups is a phone number rather than a number in ordinary text. */
export const looksLikePhone = (candidate: string): boolean => {
  const groups = candidate.match(/\d+/g) ?? []
  if (groups.join('').length < 7) return false
  if (candidate.startsWith('+')) return true
  // One unbroken run of seven or more digits: a phone written without separators.
  if (groups.length === 1) return true
  // 1990-2020, "2019 2020 2021".
  if (groups.every((group) => YEAR.test(group))) return false
  if (groups.length === 2) {
    // 3.14159265 is a decimal; 2500-3000 a range; 555-1234 and 0207 9460958 are phones.
    if (/^\d+\.\d+$/.test(candidate)) return false
    const [a, b] = groups as [string, string]
    return (a.length === 3 && b.length === 4) || a.length >= 5 || b.length >= 5
  }
  const [first, ...rest] = groups as [string, ...string[]]
  // "sections 1 2 3 4 5 6 7" is a list; "1 800 555 1234" a phone.
  if (rest.some((group) => group.length === 1)) return false
  // Thousands: "1 000 000", "12.345.678".
  if (first.length <= 2 && rest.every((group) => group.length === 3)) return false
  return true
}

const maskPhones = (text: string): string =>
  text.replace(PHONE_CANDIDATE, (candidate) => (looksLikePhone(candidate) ? PHONE_MASK : candidate))

/** Applies `fn` to the text between dates, leaving the dates themselves untouched. */
const outsideDates = (text: string, fn: (piece: string) => string): string => {
  let result = ''
  let from = 0
  for (const match of text.matchAll(DATE)) {
    result += fn(text.slice(from, match.index)) + match[0]
    from = match.index + match[0].length
  }
  return result + fn(text.slice(from))
}

/** The text with contact details hidden, and whether anything was hidden. */
export const maskContactDetails = (text: string): { text: string; masked: boolean } => {
  // Emails first (their domains would read as links), links next (their digits would
  // read as phones), phones last.
  let masked = text.replace(EMAIL, EMAIL_MASK)
  for (const link of LINKS) masked = masked.replace(link, LINK_MASK)
  masked = outsideDates(masked, maskPhones)
  return { text: masked, masked: masked !== text }
}
