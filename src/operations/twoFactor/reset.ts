import type { PayloadRequest } from 'payload'

import { actorFromUser } from '@/access/actor'
import { asSystem } from '@/access/system'
import { secondFactorResetRefusal } from '@/domain/twoFactor/reset'
import { ClientError, refuseField } from '@/errors'
import { recordSecurityEvent } from '@/operations/audit/record'
import { endSessions } from '@/operations/sessions/end'
import { refuseWhileImpersonating } from '@/operations/sessions/impersonating'
import { securityRow } from '@/operations/sessions/open'

import { visibleDoc } from '../gate'
import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'

import { removeSecondFactor } from './factor'

/**
 * `POST /api/users/:id/2fa/reset { reason }`: staff take away the second factor of
 * someone who lost their app and their recovery codes (`secondFactorResetRefusal` says
 * who may). Every session of theirs ends with it (whoever holds their phone or a
 * session should not keep one), they are told, and the audit trail keeps who, whom and
 * why. A website that requires two-factor sign-in makes them enrol again at their next
 * sign-in.
 */
export const resetSecondFactor = async (req: PayloadRequest, id: number, reason: unknown): Promise<{ message: string; user: number; sessionsEnded: number }> => {
  const { actor, doc, proof } = await visibleDoc(req, 'users', id)
  refuseWhileImpersonating(req, 'a two-factor reset')
  const refusal = secondFactorResetRefusal(actor, actorFromUser(doc))
  if (refusal) throw new ClientError(refusal, 403)
  if (typeof reason !== 'string' || reason.trim().length === 0) throw refuseField('users', 'reason', 'Required: why the second factor is reset (how the person was identified).', 400)
  if (reason.length > 500) throw refuseField('users', 'reason', 'At most 500 characters.', 400)
  // The enrolment date is hidden from nobody on the server; read as the system the gate admitted.
  const target = await req.payload.findByID({ collection: 'users', id, depth: 0, ...asSystem(proof), req, select: { twoFactorEnabledAt: true, tenants: true } })
  if (!target.twoFactorEnabledAt) throw new ClientError('This person has no two-factor sign-in to reset.', 409)
  const tenant = actor.allTenants ? (actorFromUser(doc).tenantIds[0] ?? null) : (actorFromUser(doc).tenantIds.find((t) => actor.tenantIds.includes(t)) ?? null)
  const ended = await inTransaction(req, async () => {
    await removeSecondFactor(req, id)
    const sids = await endSessions(req, id, 'all', 'revoked')
    if (tenant !== null) {
      await notify(req, {
        event: 'account.second_factor_reset',
        recipients: [id],
        tenant,
        data: { at: new Date().toISOString() },
        key: `account.second_factor_reset:${id}:${Date.now()}`,
      })
    }
    return sids
  })
  const staff = req.user as unknown as { id: number; email: string; roles: string[] }
  await recordSecurityEvent(req, { ...securityRow(doc, tenant, 'second_factor_reset', { reason: reason.trim(), sessionsEnded: ended.length }), parties: [id, staff.id], actor: { id: staff.id, email: staff.email ?? null, role: staff.roles?.[0] ?? null } })
  req.payload.logger.info({ userId: id, by: staff.id }, 'second factor reset by staff')
  return { message: 'Two-factor sign-in is off for this person and every session of theirs has ended; they sign in with their password (and enrol again where a website requires it).', user: id, sessionsEnded: ended.length }
}
