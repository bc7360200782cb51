import { createHmac, timingSafeEqual } from 'node:crypto'

import type { Payload } from 'payload'
import { parseCookies } from 'payload/shared'

import { IMPERSONATOR_CLAIM } from '@/domain/sessions/impersonation'

const signatureOk = (token: string, secret: string): boolean => {
  const [header, body, signature] = token.split('.')
  if (!header || !body || !signature) return false
  const expected = createHmac('sha256', secret).update(`${header}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const claimsOf = (token: string): Record<string, unknown> | null => {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as unknown
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * The staff member an impersonation token names (its `impersonatedBy` claim), or null.
 * Payload's JWT check has already accepted a token of this user and session, but does not
 * hand its claims on: the candidates (the Authorization header, the login cookie) are
 * checked again here — our signature (HS256 with Payload's secret), this user, this
 * session — so a claim is believed only from a token we signed for this very session.
 */
export const signedImpersonator = (headers: Headers, payload: Payload, user: { id: number | string; _sid?: string }): number | null => {
  const auth = headers.get('authorization')
  const fromHeader = auth && /^(JWT|Bearer) /.test(auth) ? auth.replace(/^(JWT|Bearer) /, '') : null
  const fromCookie = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`) ?? null
  for (const token of [fromHeader, fromCookie]) {
    if (!token || !signatureOk(token, payload.secret)) continue
    const claims = claimsOf(token)
    if (!claims || claims.sid !== user._sid || String(claims.id) !== String(user.id)) continue
    const by = claims[IMPERSONATOR_CLAIM]
    return typeof by === 'number' && Number.isInteger(by) ? by : null
  }
  return null
}
