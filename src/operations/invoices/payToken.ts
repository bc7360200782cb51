import { env } from '@/env'
import { hashLinkToken, LINK_TOKEN_PATTERN, newLinkToken } from '@/security/linkToken'

/** What a pay-link token looks like; anything else names no invoice. */
export const PAY_TOKEN_PATTERN = LINK_TOKEN_PATTERN

/** A fresh pay-link token (the plain value, shown once) and the hash that is stored. */
export const newPayToken = newLinkToken

export const hashPayToken = hashLinkToken

export const payUrl = (token: string): string => `${env().SERVER_URL ?? 'http://localhost:3000'}/pay/${token}`
