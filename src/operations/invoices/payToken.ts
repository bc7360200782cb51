import { env } from '@/env'
import { hashSecretToken, newSecretToken, SECRET_TOKEN_PATTERN } from '@/security/secretToken'

/** What a pay-link token looks like (`newPayToken` makes 32 characters); anything else names no invoice. */
export const PAY_TOKEN_PATTERN = SECRET_TOKEN_PATTERN

/** A fresh pay-link token (the plain value, shown once) and the hash that is stored. */
export const newPayToken = newSecretToken

export const hashPayToken = hashSecretToken

export const payUrl = (token: string): string => `${env().SERVER_URL ?? 'http://localhost:3000'}/pay/${token}`
