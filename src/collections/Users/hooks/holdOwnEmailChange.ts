import type { CollectionBeforeChangeHook } from 'payload'
import { z } from 'zod'

import { actorFromUser } from '@/access/actor'
import { issueEmailToken } from '@/domain/accounts/emailTokens'
import { maskEmail } from '@/domain/accounts/maskEmail'
import { refuseField } from '@/errors'
import { recordUserSecurityEvent } from '@/hooks/auditSecurity'
import { enqueueAll } from '@/jobs/enqueue'

/** `req.context` flag of a client's own registration: the account starts unverified. */
export const UNVERIFIED_CREATE = 'scriptoriumUnverifiedRegistration'

/** `req.context` flag of the confirmation of a held change: the new address is proved. */
export const EMAIL_CHANGE_CONFIRMED = 'scriptoriumEmailChangeConfirmed'

const emailShape = z.email()

/**
 * A user changing their own email (REST, GraphQL, the admin's account view, the Local API
 * with their `user`) does not change it: the new address is held in `pendingEmail` and a
 * link is mailed to it; `POST /api/auth/confirm-email-change` applies it. The old address
 * is told. Someone else changing it (an admin of the user's website) applies it at once,
 * audited as an `email_change`: they vouch for it. Runs in the update's transaction, so
 * a refused update mails nothing.
 */
export const holdOwnEmailChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc || typeof data.email !== 'string') return data
  const wanted = data.email.trim().toLowerCase()
  if (wanted === originalDoc.email || context[EMAIL_CHANGE_CONFIRMED]) return data
  const self = req.user?.collection === 'users' && req.user.id === originalDoc.id
  if (!self) return data
  if (!emailShape.safeParse(wanted).success) throw refuseField('users', 'email', 'Must be a valid email address.', 400)

  const { token, fields } = issueEmailToken('change', new Date())
  const tenant = actorFromUser(originalDoc).tenantIds[0] ?? null
  await enqueueAll(req, [
    { type: 'mail.confirmEmailChange', tenant, payload: { userId: originalDoc.id, token, to: wanted } },
    { type: 'mail.emailChangeNotice', tenant, payload: { userId: originalDoc.id, to: originalDoc.email, masked: maskEmail(wanted) } },
  ])
  await recordUserSecurityEvent(req, 'email_change_requested', originalDoc)
  return { ...data, email: originalDoc.email, pendingEmail: wanted, ...fields }
}
