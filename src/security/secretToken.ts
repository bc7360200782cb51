import { createHash, randomBytes } from 'node:crypto'

/**
 * The secret of a single-use link (a pay link, a sign-in link): 24 random bytes as 32
 * URL-safe characters, shown once, in the mail or the answer that carries it. Only its
 * SHA-256 is stored, so a read of the table signs nobody in; the token's entropy makes a
 * slow hash unnecessary.
 */
export const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** A fresh token (the plain value, shown once) and the hash that is stored. */
export const newSecretToken = (): { token: string; hash: string } => {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashSecretToken(token) }
}

export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex')
