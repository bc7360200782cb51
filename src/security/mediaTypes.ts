/**
 * Request body media types. A browser page on any origin may POST `text/plain`,
 * `application/x-www-form-urlencoded` or `multipart/form-data` without a preflight (a
 * "simple" request), so what the API reads as JSON must say it is JSON: that, with the
 * Origin rule for cookie writes, is what keeps a foreign page from writing as the user.
 */

/** `type/subtype` in lower case without parameters, or '' when there is none. */
export const mediaTypeOf = (header: string | null | undefined): string => (header ?? '').split(';', 1)[0]!.trim().toLowerCase()

/** `application/json` or any `+json` type (`application/merge-patch+json`…). */
export const isJsonMediaType = (header: string | null | undefined): boolean => {
  const type = mediaTypeOf(header)
  return type === 'application/json' || (/^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type))
}

export const isMultipart = (header: string | null | undefined): boolean => mediaTypeOf(header) === 'multipart/form-data'

export const UNSUPPORTED_BODY_MESSAGE = 'The request body must be JSON: send it with Content-Type: application/json.'
