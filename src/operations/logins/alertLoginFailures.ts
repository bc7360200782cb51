import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type SystemProof, systemRequest } from '@/access/system'
import { ACCOUNT_FAILURES, accountAlertKey, UNLOCK_LINK } from '@/domain/logins/throttle'
import { enqueue } from '@/jobs/enqueue'
import type { User } from '@/payload-types'
import { newLinkToken } from '@/security/linkToken'

import { inTransaction } from '../inTransaction'

/**
 * An account's failed logins passed the ceiling: the staff of each of its websites get a
 * live event, the owner one mail per window with a single-use link that lifts every
 * lockout of the account (`unlockByLink`). The link's token is stored hashed on the user
 * (a newer link replaces an older one) and travels to the mail job as a secret. The
 * login being screened will most likely fail (and roll back whatever it wrote), so these
 * rows are written on a request of their own and committed here. The account itself is
 * never locked.
 */
export const alertLoginFailures = async (payload: Payload, proof: SystemProof, user: Pick<User, 'id' | 'email' | 'roles' | 'tenants'>, failures: number, now = new Date()): Promise<void> => {
  const { tenantIds } = actorFromUser(user)
  const windowMinutes = ACCOUNT_FAILURES.windowS / 60
  const req = await systemRequest(payload, proof)
  const link = newLinkToken()
  await inTransaction(req, async () => {
    for (const tenant of tenantIds) {
      await enqueue(req, {
        type: 'live.event',
        tenant,
        payload: { audience: { staffOfTenant: tenant }, event: 'security.login_failures', data: { user: user.id, email: user.email, failures, windowMinutes } },
      })
    }
    await payload.db.updateOne({
      collection: 'users',
      id: user.id,
      data: { unlockTokenHash: link.hash, unlockTokenExpiresAt: new Date(now.getTime() + UNLOCK_LINK.validS * 1000).toISOString(), unlockTokenUsedAt: null },
      req,
      returning: false,
    })
    await enqueue(req, {
      type: 'mail.loginFailures',
      // The first website brands the mail; a superadmin's comes from the platform.
      tenant: tenantIds[0] ?? null,
      payload: { userId: user.id, failures, windowMinutes, token: link.token },
      dedupeKey: accountAlertKey(user.id, now),
    })
  })
  payload.logger.warn({ userId: user.id, failures, windowMinutes, websites: tenantIds }, 'failed logins above the account ceiling: staff alerted, owner mailed an unlock link')
}
