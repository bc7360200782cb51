import { createHash, randomBytes } from 'node:crypto'

/**
 * The single-purpose links mailed to people (an invoice's pay link, an account's unlock
 * link, a sign-in link): a random token whose plain value is only in the mail and whose hash is stored,
 * so a read of the database gives nobody a working link.
 */

/** What a link token looks like (`newLinkToken` makes 32 characters); anything else names nothing. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** A fresh token (the plain value, shown once) and the hash that is stored. */
export const newLinkToken = (): { token: string; hash: string } => {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashLinkToken(token) }
}
