import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionAfterOperationHook } from 'payload'

import type { User } from '@/payload-types'
import { closeDroppedSessions } from '@/operations/sessions/end'
import { forgetUser } from '@/security/userCache'

/** Any save of a person (roles, websites, suspension, password…) drops them from every process's user cache. */
export const forgetChangedUser: CollectionAfterChangeHook<User> = ({ doc }) => {
  forgetUser(doc.id)
  return doc
}

export const forgetDeletedUser: CollectionAfterDeleteHook<User> = ({ doc }) => {
  forgetUser(doc.id)
  return doc
}

/**
 * Payload's auth operations write the person without the change hooks: a refresh moves
 * its session's end, a password reset empties their sessions (every other token ends:
 * the rows are closed and the activity store told, as for a password change).
 */
export const forgetUserAfterAuthOperation: CollectionAfterOperationHook<'users'> = async ({ operation, req, result }) => {
  if (operation === 'refresh') forgetUser(req.user?.id)
  if (operation === 'resetPassword') {
    const user = (result as { user?: { id?: number | string } } | undefined)?.user
    if (user?.id !== undefined) {
      await closeDroppedSessions(req, Number(user.id), 'password_change')
      forgetUser(user.id)
    }
  }
  return result
}
