import type { CollectionAfterChangeHook, CollectionAfterLoginHook, CollectionAfterLogoutHook, CollectionBeforeChangeHook } from 'payload'

import { actorFromUser } from '@/access/actor'
import type { User } from '@/payload-types'
import { closeDroppedSessions, endSessions } from '@/operations/sessions/end'
import { impersonationOf, refuseWhileImpersonating } from '@/operations/sessions/impersonating'
import { endImpersonation } from '@/operations/sessions/impersonation'
import { openSession } from '@/operations/sessions/open'

type WithSessions = User & { _sid?: string; sessions?: { id: string; createdAt?: string | null }[] | null }

/**
 * A sign-in's session gets its row and the role's limit is applied. Payload appends the
 * new session last (`addSessionToUser`) before the hooks run.
 */
export const openLoginSession: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const sid = (user as WithSessions).sessions?.at(-1)?.id
  if (sid) await openSession(req, user as WithSessions, sid)
  return user
}

/**
 * A logout's session row is closed (Payload drops its id after the hooks); `?allSessions=true`
 * closes them all. An impersonation's logout is its stop; signing the person out
 * everywhere is refused to staff acting as them (403, before Payload drops anything).
 */
export const endLoggedOutSession: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as WithSessions | null
  if (!user) return
  const everywhere = req.searchParams?.get('allSessions') === 'true'
  if (everywhere) refuseWhileImpersonating(req, 'logout-all')
  const impersonation = impersonationOf(req)
  if (impersonation) {
    await endImpersonation(req, { sid: impersonation.sid, user: Number(user.id), website: actorFromUser(user).tenantIds[0] ?? null }, impersonation.by, 'impersonation_stopped')
    return
  }
  if (everywhere) await endSessions(req, Number(user.id), 'all', 'logout_all')
  else if (user._sid) await endSessions(req, Number(user.id), [user._sid], 'logout')
}

const PASSWORD_CHANGED = 'scriptoriumPasswordChanged'

/** Payload keeps only the changing session when a password changes; the others' rows follow in afterChange. */
export const notePasswordChange: CollectionBeforeChangeHook<User> = ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && typeof (data as { password?: unknown }).password === 'string' && originalDoc) {
    req.context[`${PASSWORD_CHANGED}:${originalDoc.id}`] = true
  }
  return data
}

export const closeSessionsOnPasswordChange: CollectionAfterChangeHook<User> = async ({ doc, operation, req }) => {
  if (operation !== 'update' || !req.context[`${PASSWORD_CHANGED}:${doc.id}`]) return doc
  delete req.context[`${PASSWORD_CHANGED}:${doc.id}`]
  // The change itself is in the audit trail already (`password_change`, redacted).
  await closeDroppedSessions(req, doc.id, 'password_change')
  return doc
}
