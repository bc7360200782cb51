import type { PayloadRequest } from 'payload'

import { ClientError } from '@/errors'

/** An impersonation the request is made in: who acts, in which session, since when. */
export type Impersonation = { by: number; sid: string; startedAt: number }

const KEY = 'scriptoriumImpersonation'

/**
 * Set by the session strategy (`authenticate.ts`) when the request's token is an
 * impersonation session's: `req.user` is the person acted as, this names the staff
 * member. Every audit row of the request reads it (`src/operations/audit/record.ts`).
 */
export const markImpersonation = (req: Pick<PayloadRequest, 'context'>, impersonation: Impersonation) => {
  req.context[KEY] = impersonation
}

/** The request's impersonation, or null for a person acting as themself. */
export const impersonationOf = (req: Pick<PayloadRequest, 'context'> | null | undefined): Impersonation | null => {
  const value = req?.context?.[KEY] as Impersonation | undefined
  return value && typeof value.by === 'number' ? value : null
}

/**
 * The one guard of what staff may never do as someone else: money leaving or entering
 * (refunds, payouts, wallet adjustments, tips, wallet payments and top-ups) and the
 * account's keys (email, password, roles, second factor, signing the person out). 403
 * naming `what`. Called at the entry of each such operation (the list is in
 * docs/decisions.md, "Accounts and sessions").
 */
export const refuseWhileImpersonating = (req: Pick<PayloadRequest, 'context'>, what: string): void => {
  if (impersonationOf(req)) throw new ClientError(`${what}: not while impersonating.`, 403, { impersonating: true })
}
