/**
 * Which web origins may call the API from a browser with credentials: the websites'
 * own domains (over https), the `CORS_ORIGINS` list, and `*.localhost` in development.
 * Shared by CORS, the Origin rule of cookie writes and the CSP's `frame-src`.
 */

/** `scheme://host[:port]` in lower case, or null for anything that is not an http(s) origin. */
export const originOf = (value: string | null | undefined): string | null => {
  if (!value) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return url.origin.toLowerCase()
  } catch {
    return null
  }
}

const LOCALHOST = /^https?:\/\/([a-z0-9-]+\.)*localhost(:\d{1,5})?$/

/** `http(s)://localhost` and its subdomains, any port: the websites in local development. */
export const isLocalhostOrigin = (origin: string): boolean => LOCALHOST.test(origin)

/**
 * A comma-separated list of origins (`https://portal.example.com, http://127.0.0.1:5173`);
 * throws a TypeError naming the first entry that is not exactly an origin (no path, no
 * trailing slash), so a typo stops the process instead of opening or closing the wrong door.
 */
export const parseOriginList = (setting: string | undefined): string[] => {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.map((entry) => {
    const origin = originOf(entry)
    if (!origin || origin !== entry.toLowerCase()) throw new TypeError(`"${entry}" is not an origin (scheme://host[:port], nothing after it)`)
    return origin
  })
}

/** The problem with a CORS_ORIGINS setting, or null (for the environment's schema). */
export const originListProblem = (setting: string): string | null => {
  try {
    parseOriginList(setting)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * A website's browser origins from its stored domains (bare, without scheme or `www.`):
 * `https://<domain>` and `https://www.<domain>`, since the site answers on both.
 */
export const websiteOrigins = (domains: readonly string[]): string[] =>
  domains.flatMap((domain) => [`https://${domain}`, `https://www.${domain}`]).map((origin) => origin.toLowerCase())

export type AllowedOrigins = {
  /** Whether a browser page at `origin` may call the API with credentials. */
  allows: (origin: string) => boolean
  /** The websites' and listed origins (for the CSP's frame-src); localhost is a pattern, not listed. */
  listed: readonly string[]
}

export const allowedOrigins = (listed: Iterable<string>, development: boolean): AllowedOrigins => {
  const set = new Set(listed)
  return {
    allows: (origin) => set.has(origin) || (development && isLocalhostOrigin(origin)),
    listed: [...set].sort(),
  }
}
