/**
 * Secrets never reach the audit trail: a field whose name says it holds a password, a
 * password hash or salt, a token, a key or a session is stored as `[redacted]` (its
 * change is still recorded, its values never). Matched on the field's own name at any
 * depth, case-insensitively. A new secret-bearing field is named so it matches, or is
 * added to `SECRET_FIELDS`.
 */
export const REDACTED = '[redacted]'

/** Exact names (lower case) of fields that hold secrets. */
export const SECRET_FIELDS: readonly string[] = ['hash', 'salt', 'password', 'sessions', 'apikey', 'apikeyindex', 'enableapikey', 'otp', 'mfasecret', 'totpsecret', 'recoverycodes', 'credentials', 'ciphertext', 'iv', 'authtag', 'sealed']

/** Name patterns of fields that hold secrets. */
export const SECRET_PATTERNS: readonly RegExp[] = [/password/i, /passwd/i, /secret/i, /token/i, /api[_-]?key/i, /salt$/i, /signature/i, /credential/i, /^_verification/i]

export const isSecretField = (name: string): boolean => SECRET_FIELDS.includes(name.toLowerCase()) || SECRET_PATTERNS.some((pattern) => pattern.test(name))

/** The value with every secret-named key at any depth replaced by `[redacted]`. */
export const redact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = isSecretField(key) ? REDACTED : redact(inner)
    return out
  }
  return value
}
