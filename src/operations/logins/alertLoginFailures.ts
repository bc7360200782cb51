import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type SystemProof, systemRequest } from '@/access/system'
import { ACCOUNT_FAILURES, accountAlertKey } from '@/domain/logins/throttle'
import { enqueue } from '@/jobs/enqueue'
import type { User } from '@/payload-types'

import { inTransaction } from '../inTransaction'

/**
 * An account's failed logins passed the ceiling: the staff of each of its websites get a
 * live event, the owner one mail per window. The login being screened will most likely
 * fail (and roll back whatever it wrote), so these rows are written on a request of
 * their own and committed here. Nothing is locked.
 */
export const alertLoginFailures = async (payload: Payload, proof: SystemProof, user: Pick<User, 'id' | 'email' | 'roles' | 'tenants'>, failures: number): Promise<void> => {
  const { tenantIds } = actorFromUser(user)
  const windowMinutes = ACCOUNT_FAILURES.windowS / 60
  const req = await systemRequest(payload, proof)
  await inTransaction(req, async () => {
    for (const tenant of tenantIds) {
      await enqueue(req, {
        type: 'live.event',
        tenant,
        payload: { audience: { staffOfTenant: tenant }, event: 'security.login_failures', data: { user: user.id, email: user.email, failures, windowMinutes } },
      })
    }
    await enqueue(req, {
      type: 'mail.loginFailures',
      // The first website brands the mail; a superadmin's comes from the platform.
      tenant: tenantIds[0] ?? null,
      payload: { userId: user.id, failures, windowMinutes },
      dedupeKey: accountAlertKey(user.id, new Date()),
    })
  })
  payload.logger.warn({ userId: user.id, failures, windowMinutes, websites: tenantIds }, 'failed logins above the account ceiling: staff alerted, owner mailed')
}
