import { createHmac } from 'node:crypto'

/**
 * Recovery codes: ten single-use codes shown once at enrolment, for a lost phone. Each is
 * 10 characters of a 32-letter alphabet without look-alikes (50 bits), written
 * `xxxxx-xxxxx`; stored as keyed hashes, never in clear. A fast keyed hash is enough for
 * 50 random bits (no dictionary to try), unlike a password.
 */
export const RECOVERY_CODE_COUNT = 10
// a–z without i, l, o, and 0, 2–9: 32 letters, none mistaken for another ('o' typed is read as '0').
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz023456789'

export type StoredRecoveryCode = { hash: string; usedAt: string | null }

/** Codes from `bytes` random bytes per code (the caller supplies the randomness). */
export const formatRecoveryCode = (bytes: Uint8Array): string => {
  const letters = Array.from(bytes.slice(0, 10), (b) => ALPHABET[b % 32])
  return `${letters.slice(0, 5).join('')}-${letters.slice(5, 10).join('')}`
}

/** What a person typed, as it was issued: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (input: string): string | null => {
  const plain = input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0')
  if (!/^[a-z0-9]{10}$/.test(plain)) return null
  return `${plain.slice(0, 5)}-${plain.slice(5)}`
}

export const hashRecoveryCode = (code: string, secret: string): string => createHmac('sha256', secret).update(`recovery-code:${code}`).digest('base64url')

/** The index of the unused stored code `input` is, or -1. */
export const matchRecoveryCode = (input: string, stored: readonly StoredRecoveryCode[], secret: string): number => {
  const code = normalizeRecoveryCode(input)
  if (!code) return -1
  const hash = hashRecoveryCode(code, secret)
  return stored.findIndex((entry) => entry.usedAt === null && entry.hash === hash)
}

/** A six-digit authenticator code, spaces allowed ("123 456"). */
export const normalizeTotpCode = (input: string): string | null => {
  const digits = input.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}
