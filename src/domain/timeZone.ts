export const DEFAULT_TIME_ZONE = 'UTC'

/** The shape of an IANA name (`UTC`, `Europe/Berlin`, `America/Argentina/Salta`, `Etc/GMT-2`), never a bare offset. */
const IANA_NAME = /^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)*$/

/**
 * An IANA zone name this runtime's Intl knows. Bare offsets (`+01:00`), which Intl may
 * accept, are refused: PostgreSQL reads them with the opposite sign, and days are
 * grouped there by this name.
 */
export const isTimeZone = (name: string): boolean => {
  if (!IANA_NAME.test(name)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export const dayIn = (instant: Date, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
