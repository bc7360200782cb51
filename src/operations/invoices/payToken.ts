import { createHash, randomBytes } from 'node:crypto'

import { env } from '@/env'

/** What a pay-link token looks like (`newPayToken` makes 32 characters); anything else names no invoice. */
export const PAY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** A fresh pay-link token (the plain value, shown once) and the hash that is stored. */
export const newPayToken = (): { token: string; hash: string } => {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashPayToken(token) }
}

export const hashPayToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const payUrl = (token: string): string => `${env().SERVER_URL ?? 'http://localhost:3000'}/pay/${token}`
