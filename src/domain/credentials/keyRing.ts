import { createHash } from 'node:crypto'

/**
 * The keys that seal class-portal credentials, read from `CREDENTIALS_KEY`:
 * `kid:base64key[,kid:base64key…]`, each key exactly 32 bytes (AES-256). The first is
 * the current key, the only one that seals; the others still open what they sealed
 * until `npm run credentials:reencrypt` has moved every value to the current key.
 */
export type CredentialKey = { id: string; key: Buffer }
export type KeyRing = { current: CredentialKey; keys: ReadonlyMap<string, Buffer> }

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/

export class KeyRingError extends TypeError {}

/**
 * Parses a key ring. The errors name the entry and what is wrong with it, never a byte
 * of the key (they end up in a start-up line and in logs).
 */
export const parseKeyRing = (value: string): KeyRing => {
  const entries = value.split(',').map((entry) => entry.trim())
  const keys = new Map<string, Buffer>()
  const ordered: CredentialKey[] = []
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`
    if (entry === '') throw new KeyRingError(`${where} is empty`)
    const colon = entry.indexOf(':')
    if (colon < 0) throw new KeyRingError(`${where} is not kid:base64key`)
    const id = entry.slice(0, colon)
    const encoded = entry.slice(colon + 1)
    if (!KEY_ID_PATTERN.test(id)) throw new KeyRingError(`${where}: the key id must be 1–32 letters, digits, dashes or underscores`)
    if (keys.has(id)) throw new KeyRingError(`${where}: key id ${id} is listed twice`)
    if (!BASE64.test(encoded)) throw new KeyRingError(`${where} (${id}): the key is not base64`)
    const key = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64')
    if (key.length !== 32) throw new KeyRingError(`${where} (${id}): the key must be exactly 32 bytes, it is ${key.length}`)
    keys.set(id, key)
    ordered.push({ id, key })
  })
  return { current: ordered[0]!, keys }
}

/** What is wrong with a `CREDENTIALS_KEY` value, or null (for the environment's schema). */
export const keyRingProblem = (value: string): string | null => {
  try {
    parseKeyRing(value)
    return null
  } catch (error) {
    if (error instanceof KeyRingError) return error.message
    throw error
  }
}

/** The key id of the development key, so a row sealed by it is recognisable. */
export const DEV_KEY_ID = 'dev'

/**
 * Development and tests without `CREDENTIALS_KEY`: one key derived from the server's
 * secret, stable across restarts so seeded credentials keep opening. Never in production
 * (the server refuses to start there without the variable).
 */
export const developmentKeyRing = (serverSecret: string): KeyRing => {
  const key = createHash('sha256').update(`class-portal-credentials|${serverSecret}`).digest()
  return { current: { id: DEV_KEY_ID, key }, keys: new Map([[DEV_KEY_ID, key]]) }
}
