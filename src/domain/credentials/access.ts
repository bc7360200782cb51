/**
 * Who reads, stores and removes a class's portal credentials (issue 17, domain.md §10.2
 * "Access"). The plaintext goes only to the class's assigned writer while the class is
 * being worked, and to the website's admins and support (superadmin too) who give a
 * reason; every attempt is logged by the caller. The client who stored them learns that
 * they are stored and when, never the password back.
 */

/** Statuses in which the assigned writer reads them: the class is staffed and being worked. */
export const WRITER_READABLE_STATUSES = ['assigned', 'in_progress', 'quality_review'] as const

/** Statuses in which they may no longer be stored or replaced: the class is over. */
export const CLOSED_STATUSES = ['completed', 'cancelled', 'archived'] as const

/** Staff who read (with a reason) and store for a client (with a reason): the website's admins and support, and superadmins. */
export const REASON_ROLES = ['admin', 'support'] as const

export const REASON_MIN = 5
export const REASON_MAX = 500

/** What a caller who can see the class is to the class. */
export type ClassRelation = {
  /** Admin or support of the class's website, or a superadmin (`REASON_ROLES`). */
  isReasonStaff: boolean
  /** Admin of the class's website, or a superadmin. */
  isAdmin: boolean
  /** The class's client. */
  isClient: boolean
  /** The writer assigned to the class now. */
  isAssignedWriter: boolean
  status: string
}

export type Refusal = { status: 400 | 403 | 409; message: string; path?: 'reason' }

/** The decision on a read: the plaintext, only whether they are stored (the client), or a refusal. */
export type ReadDecision = { outcome: 'granted'; as: 'writer' | 'staff' } | { outcome: 'stored-only' } | { outcome: 'refused'; refusal: Refusal }

/** The reason a staff member gave, trimmed, or the refusal naming `reason`. */
export const checkReason = (reason: string | null | undefined): { reason: string } | { refusal: Refusal } => {
  const text = (reason ?? '').trim()
  if (text.length < REASON_MIN) return { refusal: { status: 400, path: 'reason', message: `reason: say why you open these credentials (at least ${REASON_MIN} characters, \`?reason=\` or the X-Access-Reason header).` } }
  if (text.length > REASON_MAX) return { refusal: { status: 400, path: 'reason', message: `reason: at most ${REASON_MAX} characters.` } }
  return { reason: text }
}

export const decideRead = (who: ClassRelation, reason: string | null | undefined): ReadDecision => {
  if (who.isAssignedWriter) {
    if ((WRITER_READABLE_STATUSES as readonly string[]).includes(who.status)) return { outcome: 'granted', as: 'writer' }
    return { outcome: 'refused', refusal: { status: 409, message: `The class is ${who.status}: its assigned writer reads the portal credentials only while it is ${WRITER_READABLE_STATUSES.join(', ')}.` } }
  }
  if (who.isReasonStaff) {
    const checked = checkReason(reason)
    return 'refusal' in checked ? { outcome: 'refused', refusal: checked.refusal } : { outcome: 'granted', as: 'staff' }
  }
  if (who.isClient) return { outcome: 'stored-only' }
  return { outcome: 'refused', refusal: { status: 403, message: 'Only the writer assigned to this class and the website’s admins and support (with a reason) read its portal credentials.' } }
}

/** Whether the caller may store or replace the credentials (a refusal otherwise); staff must give a reason. */
export const decideStore = (who: ClassRelation, reason: string | null | undefined): Refusal | null => {
  if ((CLOSED_STATUSES as readonly string[]).includes(who.status)) return { status: 409, message: `The class is ${who.status}: its portal credentials can no longer be stored.` }
  if (who.isClient) return null
  if (who.isReasonStaff) {
    const checked = checkReason(reason)
    return 'refusal' in checked ? checked.refusal : null
  }
  return { status: 403, message: 'Only the class’s client, or the website’s admins and support with a reason, store its portal credentials.' }
}

/** Whether the caller may remove the credentials: the class's client or an admin. */
export const decideRemove = (who: ClassRelation): Refusal | null =>
  who.isClient || who.isAdmin ? null : { status: 403, message: 'Only the class’s client or an admin removes its portal credentials.' }

/** How an attempt to read them ended, as the access log records it. */
export const CREDENTIAL_VIEW_OUTCOMES = ['granted', 'refused', 'throttled'] as const
export type CredentialViewOutcome = (typeof CREDENTIAL_VIEW_OUTCOMES)[number]
