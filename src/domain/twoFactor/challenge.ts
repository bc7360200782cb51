import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The challenge a password sign-in answers with when a second factor is due: who, whether
 * they must enrol first, until when, and a nonce that makes it single-use. Signed with the
 * server's secret (it proves the password was right), carried by the client to
 * `POST /api/users/login/mfa`. Five minutes: long enough to open an app, short enough
 * that a stolen challenge is worth little without the code.
 */
export type SecondFactorChallenge = { user: number; enrol: boolean; exp: number; nonce: string }

export const CHALLENGE_TTL_S = 300

const mac = (body: string, secret: string): string => createHmac('sha256', secret).update(`second-factor:${body}`).digest('base64url')

export const signChallenge = (claim: SecondFactorChallenge, secret: string): string => {
  const body = `${claim.user}.${claim.enrol ? 1 : 0}.${claim.exp}.${claim.nonce}`
  return `${body}.${mac(body, secret)}`
}

/** The claim of a genuine, unexpired challenge at `nowS` (seconds), else null. */
export const readChallenge = (token: unknown, secret: string, nowS: number): SecondFactorChallenge | null => {
  if (typeof token !== 'string') return null
  const match = /^(\d{1,12})\.([01])\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const [, user = '', enrol = '', exp = '', nonce = '', signature = ''] = match
  const expected = Buffer.from(mac(`${user}.${enrol}.${exp}.${nonce}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  if (Number(exp) < nowS) return null
  return { user: Number(user), enrol: enrol === '1', exp: Number(exp), nonce }
}
