import type { PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { ClientError, refuseField } from '@/errors'
import type { User } from '@/payload-types'
import { recordSecurityEvent } from '@/operations/audit/record'
import { refuseWhileImpersonating } from '@/operations/sessions/impersonating'
import { securityRow } from '@/operations/sessions/open'
import { secondFactorRequiredFor } from '@/operations/sessions/websiteSettings'

import { inTransaction } from '../inTransaction'
import { resolveTenant } from '../resolveTenant'
import { confirmEnrolment, type Enrolment, removeSecondFactor, startEnrolment, verifySecondFactor } from './factor'

type Me = Pick<User, 'id' | 'email' | 'roles' | 'tenants'>

/** The caller, never staff acting as them: a second factor is the person's own. */
const me = (req: PayloadRequest): Me => {
  if (!req.user) throw new ClientError('Log in first.', 401)
  refuseWhileImpersonating(req, 'two-factor sign-in')
  return req.user as unknown as Me
}

const websiteOf = (user: Me) => actorFromUser(user).tenantIds[0] ?? null

/** `POST /api/users/2fa/enrol`: a new seed for the caller's authenticator app, pending until confirmed. */
export const enrolMine = async (req: PayloadRequest): Promise<Enrolment> => {
  const user = me(req)
  const issuer = (await resolveTenant(req).then((r) => r.tenant?.branding?.brandName || r.tenant?.name, () => null)) ?? 'Scriptorium'
  return inTransaction(req, () => startEnrolment(req, user.id, issuer))
}

/** `POST /api/users/2fa/confirm { code }`: on from now; the recovery codes are answered this once. */
export const confirmMine = async (req: PayloadRequest, code: unknown): Promise<string[]> => {
  const user = me(req)
  if (typeof code !== 'string') throw refuseField('users', 'code', 'The code your authenticator app shows is required.', 400)
  const codes = await inTransaction(req, () => confirmEnrolment(req, user.id, code))
  await recordSecurityEvent(req, securityRow(user, websiteOf(user), 'second_factor_enrolled', { method: 'account' }))
  return codes
}

/**
 * `POST /api/users/2fa/disable { code }`: off, proved by a code of the factor (a stolen
 * session alone cannot remove it). Refused where a website of the caller requires it.
 */
export const disableMine = async (req: PayloadRequest, code: unknown): Promise<void> => {
  const user = me(req)
  if (await secondFactorRequiredFor(req.payload, user)) throw new ClientError('A website you work on requires two-factor sign-in: it cannot be switched off.', 403)
  if (typeof code !== 'string') throw refuseField('users', 'code', 'A code of your authenticator app (or a recovery code) is required.', 400)
  await inTransaction(req, async () => {
    if (!(await verifySecondFactor(req, user.id, code))) throw refuseField('users', 'code', 'The code is not right.', 400)
    await removeSecondFactor(req, user.id)
  })
  await recordSecurityEvent(req, securityRow(user, websiteOf(user), 'second_factor_removed'))
}
