import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type SystemProof, systemRequest } from '@/access/system'

import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'

type Owner = { id: number; roles?: string[] | null; tenants?: { tenant?: number | { id: number } | null }[] | null }

export type LockoutFacts = { address: string; failures: number; lockout: number; minutes: number }

/**
 * Tells the owner that one address is locked out of their account (`account.locked_out`),
 * on the website the login was tried on when they belong to it, else their first (a
 * superadmin of no website has no inbox to tell). The refused login rolls back what it
 * wrote, so this is written on a request of its own and committed here; one notification
 * per address and lockout (its key), however often the hook sees the same refusal.
 */
export const announceLockout = async (payload: Payload, proof: SystemProof, owner: Owner, loginWebsite: number | null, facts: LockoutFacts, now = new Date()): Promise<void> => {
  const { tenantIds } = actorFromUser(owner)
  const tenant = loginWebsite !== null && tenantIds.includes(loginWebsite) ? loginWebsite : tenantIds[0]
  if (tenant === undefined) return
  const req = await systemRequest(payload, proof)
  // The lockout's start to the minute: a later lockout of the same address is a new occurrence.
  const key = `account.locked_out:${owner.id}:${facts.address}:${facts.lockout}:${Math.floor(now.getTime() / 60_000)}`
  await inTransaction(req, () => notify(req, { event: 'account.locked_out', recipients: [owner.id], tenant, data: { ...facts }, key }, { now }))
}
