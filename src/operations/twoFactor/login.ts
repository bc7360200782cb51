import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { readableDoc } from '@/access/readableDoc'
import { CHALLENGE_TTL_S, readChallenge, signChallenge } from '@/domain/twoFactor/challenge'
import { ClientError, refuseField } from '@/errors'
import type { User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'
import { issueSession } from '@/operations/sessions/issue'
import { securityRow } from '@/operations/sessions/open'
import { secondFactorRequiredFor } from '@/operations/sessions/websiteSettings'
import { limiterFor } from '@/security/rateLimits'

import { inTransaction } from '../inTransaction'
import { resolveTenant } from '../resolveTenant'
import { confirmEnrolment, type Enrolment, hasSecondFactor, startEnrolment, verifySecondFactor } from './factor'

type Person = Pick<User, 'id' | 'email' | 'roles' | 'tenants'>

const websiteOf = (user: Person) => actorFromUser(user).tenantIds[0] ?? null

/**
 * What a password sign-in of `user` still needs: nothing, a code of their factor, or (a
 * person the rules require to have one, without it) enrolment first. Answers the
 * challenge to hand the client, or null.
 */
export const secondFactorChallengeFor = async (req: PayloadRequest, user: Person): Promise<{ challenge: string; enrolRequired: boolean } | null> => {
  const enrolled = await hasSecondFactor(req, user.id)
  if (!enrolled && !(await secondFactorRequiredFor(req.payload, user))) return null
  const claim = { user: user.id, enrol: !enrolled, exp: Math.floor(Date.now() / 1000) + CHALLENGE_TTL_S, nonce: randomBytes(18).toString('base64url') }
  await recordSecurityEvent(req, securityRow(user, websiteOf(user), 'second_factor_challenged', { enrol: claim.enrol }))
  return { challenge: signChallenge(claim, req.payload.secret), enrolRequired: claim.enrol }
}

const claimOf = (req: PayloadRequest, challenge: unknown) => {
  const claim = readChallenge(challenge, req.payload.secret, Math.floor(Date.now() / 1000))
  if (!claim) throw new ClientError('This sign-in has expired or is not valid: sign in with your password again.', 401, { errors: [{ path: 'challenge', message: 'expired or not valid' }] })
  return claim
}

const personOf = async (req: PayloadRequest, id: number): Promise<Person> => {
  const user = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: id } }, req })) as Person | null
  if (!user) throw new ClientError('This sign-in has expired or is not valid: sign in with your password again.', 401)
  return user
}

const issuerOf = async (req: PayloadRequest) => (await resolveTenant(req).then((r) => r.tenant?.branding?.brandName || r.tenant?.name, () => null)) ?? 'Scriptorium'

/** The enrolment a required-but-unenrolled person starts right after their password (`enrolRequired` challenges only). */
export const enrolByChallenge = async (req: PayloadRequest, challenge: unknown): Promise<Enrolment> => {
  const claim = claimOf(req, challenge)
  if (!claim.enrol) throw new ClientError('This account has a second factor already: enter its code.', 409)
  const issuer = await issuerOf(req)
  return inTransaction(req, () => startEnrolment(req, claim.user, issuer))
}

/** A challenge is good once: the first completion takes it. */
const takeChallenge = async (nonce: string) => {
  const used = await limiterFor('secondFactorChallenges', 1, CHALLENGE_TTL_S + 60).consume(nonce).then(
    () => false,
    () => true,
  )
  if (used) throw new ClientError('This sign-in was finished already: sign in with your password again.', 401, { errors: [{ path: 'challenge', message: 'used already' }] })
}

export type SecondFactorLogin = { message: string; token: string; exp: number; user: User; recoveryCodes?: string[]; cookie: string }

/**
 * `POST /api/users/login/mfa { challenge, code }`: the code of the person's factor (or a
 * recovery code), or for an enrolment challenge the first code of the new factor, then
 * the session and token a login gives. A wrong code leaves the challenge usable (within
 * the attempt limit); a right one uses it up.
 */
export const completeSecondFactorLogin = async (req: PayloadRequest, input: { challenge?: unknown; code?: unknown }): Promise<SecondFactorLogin> => {
  const claim = claimOf(req, input.challenge)
  if (typeof input.code !== 'string' || input.code.trim() === '') throw refuseField('users', 'code', 'The code from your authenticator app (or a recovery code) is required.', 400)
  const code = input.code
  const person = await personOf(req, claim.user)
  const outcome = await inTransaction(req, async () => {
    if (claim.enrol) return { method: 'enrolment' as const, recoveryCodes: await confirmEnrolment(req, claim.user, code) }
    const method = await verifySecondFactor(req, claim.user, code)
    return method ? { method, recoveryCodes: undefined } : null
  })
  if (!outcome) {
    await recordSecurityEvent(req, securityRow(person, websiteOf(person), 'second_factor_failed'))
    throw refuseField('users', 'code', 'The code is not right: enter the code your authenticator app shows now, or an unused recovery code.', 400)
  }
  await takeChallenge(claim.nonce)
  const issued = await inTransaction(req, () => issueSession(req, claim.user))
  await recordSecurityEvent(req, securityRow(person, websiteOf(person), outcome.method === 'enrolment' ? 'second_factor_enrolled' : 'second_factor_used', { method: outcome.method }))
  await recordSecurityEvent(req, securityRow(person, websiteOf(person), 'login', { secondFactor: outcome.method }))
  req.user = { ...issued.user, collection: 'users' } as typeof req.user
  const user = await readableDoc(req, 'users', issued.user)
  return { message: 'Signed in.', token: issued.token, exp: issued.exp, user, cookie: issued.cookie, ...(outcome.recoveryCodes ? { recoveryCodes: outcome.recoveryCodes } : {}) }
}
