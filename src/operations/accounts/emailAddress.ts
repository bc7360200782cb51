import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { asSystem, proofOf, systemRequest } from '@/access/system'
import { EMAIL_CHANGE_CONFIRMED } from '@/collections/Users/hooks/holdOwnEmailChange'
import { lockUserByEmailToken } from '@/db/locks'
import { type EmailTokenPurpose, emailTokenLive, hashEmailToken, isEmailTokenShaped, issueEmailToken, VERIFICATION_RESENDS_PER_HOUR } from '@/domain/accounts/emailTokens'
import { refuseField } from '@/errors'
import { recordUserSecurityEvent } from '@/hooks/auditSecurity'
import { enqueue } from '@/jobs/enqueue'
import type { User } from '@/payload-types'
import { consumeLimit } from '@/security/rateLimits'

import { publicRequest, requestMember } from '../gate'
import { inTransaction } from '../inTransaction'
import { toValidationError } from '../toValidationError'
import { isUniqueEmailViolation } from '../registerClient'

export const emailTokenInput = z.object({
  token: z.string({ error: 'The token of the link is required.' }).trim().min(1, 'The token of the link is required.').max(200, 'A link token is at most 200 characters.'),
})

const deadLink = () => refuseField('users', 'token', 'This link does not work: it was used already, replaced by a newer one or expired. Ask for a new one.', 400)

/**
 * Redeems the link `body.token` of `purpose` once: the user holding it is locked, the
 * token is cleared with the change `apply` makes, in one transaction. A second use, a
 * replaced or an expired link is a 400 naming `token`; nothing is written.
 */
const redeem = async (req: PayloadRequest, purpose: EmailTokenPurpose, body: unknown, apply: (user: User, system: PayloadRequest, now: Date) => Promise<User>): Promise<User> => {
  const parsed = emailTokenInput.safeParse(body ?? {})
  if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
  if (!isEmailTokenShaped(parsed.data.token)) throw deadLink()
  // The link stands on its token alone, as a pay link does: whoever holds it proves the address.
  await publicRequest(req, `email link (${purpose})`)
  const system = await systemRequest(req.payload, proofOf(req))
  const now = new Date()
  return inTransaction(system, async () => {
    const holder = await lockUserByEmailToken(system, hashEmailToken(purpose, parsed.data.token))
    if (!holder || !emailTokenLive(holder.expiresAt, now)) throw deadLink()
    const user = await req.payload.findByID({ collection: 'users', id: holder.id, depth: 0, ...asSystem(proofOf(req)), req: system })
    return apply(user, system, now)
  })
}

const spent = { emailTokenHash: null, emailTokenExpiresAt: null }

/** `POST /api/auth/verify-email { token }`: the address on the account is proved. */
export const verifyEmail = async (req: PayloadRequest, body: unknown): Promise<User> => {
  const user = await redeem(req, 'verify', body, (user, system, now) =>
    req.payload.update({ collection: 'users', id: user.id, data: { emailVerifiedAt: now.toISOString(), ...spent }, depth: 0, ...asSystem(proofOf(req)), req: system }),
  )
  await recordUserSecurityEvent(req, 'email_verified', user)
  return user
}

/**
 * `POST /api/auth/confirm-email-change { token }`: the held address replaces the old one
 * and counts as verified (the link reached it). Taken by another account since: 409
 * naming `email` (only the holder of a link mailed to that address learns it).
 */
export const confirmEmailChange = async (req: PayloadRequest, body: unknown): Promise<User> => {
  let previous = ''
  try {
    const user = await redeem(req, 'change', body, (user, system, now) => {
      if (!user.pendingEmail) throw deadLink()
      previous = user.email
      return req.payload.update({
        collection: 'users',
        id: user.id,
        data: { email: user.pendingEmail, pendingEmail: null, emailVerifiedAt: now.toISOString(), ...spent },
        depth: 0,
        context: { [EMAIL_CHANGE_CONFIRMED]: true },
        ...asSystem(proofOf(req)),
        req: system,
      })
    })
    await recordUserSecurityEvent(req, 'email_changed', user, previous)
    return user
  } catch (error) {
    if (isUniqueEmailViolation(error)) throw refuseField('users', 'email', 'Another account uses this address now: the change cannot be applied.', 409)
    throw error
  }
}

/** Resends of the verification mail: per user, whatever the website (the mail costs the same). */
const RESENDS = { name: 'emailVerificationResend', points: VERIFICATION_RESENDS_PER_HOUR, durationS: 3600, label: 'verification mails' } as const

/**
 * `POST /api/auth/verify-email/resend` (signed in): a new link replaces the previous one
 * (and a held email change, whose link shares the slot). 409 naming `emailVerifiedAt`
 * when already verified; 429 past `VERIFICATION_RESENDS_PER_HOUR`.
 */
export const resendVerification = async (req: PayloadRequest): Promise<void> => {
  const { actor, tenant } = await requestMember(req)
  const me = req.user as User
  if (me.emailVerifiedAt) throw refuseField('users', 'emailVerifiedAt', 'Your email is already verified.', 409)
  await consumeLimit(req, RESENDS, String(actor.id))
  const system = await systemRequest(req.payload, proofOf(req))
  const { token, fields } = issueEmailToken('verify', new Date())
  await inTransaction(system, async () => {
    await req.payload.update({ collection: 'users', id: actor.id, data: { ...fields, pendingEmail: null }, depth: 0, ...asSystem(proofOf(req)), req: system })
    await enqueue(system, { type: 'mail.verifyEmail', tenant: actor.tenantIds[0] ?? tenant.id, payload: { userId: actor.id, token } })
  })
  await recordUserSecurityEvent(req, 'email_verification_sent', me)
}

/** 403 naming `emailVerifiedAt` for someone who must verify first (placement on a website that requires it). */
export const verifyFirst = () =>
  refuseField('orders', 'emailVerifiedAt', 'Verify your email first: follow the link we mailed you, or ask for a new one (POST /api/auth/verify-email/resend).', 403)
