import { createHash, randomBytes } from 'node:crypto'

/**
 * The single-use links that prove an address: `verify` (the address on the account, sent
 * at registration and on resend) and `change` (a new address the user asked for, sent to
 * that address). Only the hash is stored, salted with the purpose, so a verification link
 * cannot confirm an email change; the raw token lives in the mail alone.
 */
export const EMAIL_TOKEN_PURPOSES = ['verify', 'change'] as const
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number]

/** How long a link works: two days, long enough for a mail read the next morning. */
export const EMAIL_TOKEN_HOURS = 48

/** Resends of the verification mail per user and hour (the limiter's counter). */
export const VERIFICATION_RESENDS_PER_HOUR = 3

/** A fresh link token: 32 random bytes, URL-safe. */
export const newEmailToken = (): string => randomBytes(32).toString('base64url')

/** What is stored for `token` of `purpose`. */
export const hashEmailToken = (purpose: EmailTokenPurpose, token: string): string =>
  createHash('sha256').update(`${purpose}:${token}`).digest('hex')

/** A token as links carry it: anything else is refused before a lookup. */
export const isEmailTokenShaped = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token)

/** A new token and the fields that store it on the user, expiring `EMAIL_TOKEN_HOURS` after `now`. */
export const issueEmailToken = (purpose: EmailTokenPurpose, now: Date) => {
  const token = newEmailToken()
  return {
    token,
    fields: {
      emailTokenHash: hashEmailToken(purpose, token),
      emailTokenExpiresAt: new Date(now.getTime() + EMAIL_TOKEN_HOURS * 3600 * 1000).toISOString(),
    },
  }
}

/** Whether a stored token still works at `now`. */
export const emailTokenLive = (expiresAt: string | Date | null | undefined, now: Date): boolean =>
  expiresAt != null && new Date(expiresAt).getTime() > now.getTime()

/**
 * Whether a user may place an order on a website: always when it does not require a
 * verified email, else once their address is verified. Staff placing for a client are
 * not held to it (they took the order by other means).
 */
export const mayPlaceUnverified = (required: boolean, emailVerifiedAt: string | null | undefined): boolean => !required || Boolean(emailVerifiedAt)
