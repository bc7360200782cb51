import type { Role } from '../roles'

/**
 * What of an order event's metadata the actor who is not staff reads in their answer:
 * the client what their own money does (a cancellation's forfeit, what is kept and given
 * back, a payment's amount), the writer the records of their own work. The writer's
 * earning, delivery counts, routing and previous writers are the staff's, like the
 * timeline itself.
 */
const PARTY_METADATA: Partial<Record<Role, readonly string[]>> = {
  client: ['forfeitPercent', 'kept', 'refundDue', 'amount', 'request', 'free', 'reason', 'automatic'],
  writer: ['request', 'free', 'reason', 'interest', 'writer', 'source', 'direct'],
}

export const eventMetadataFor = (roles: readonly Role[], staff: boolean, metadata: unknown): Record<string, unknown> | null => {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return null
  if (staff) return metadata as Record<string, unknown>
  const keys = new Set(roles.flatMap((role) => PARTY_METADATA[role] ?? []))
  const kept = Object.entries(metadata).filter(([key]) => keys.has(key))
  return kept.length > 0 ? Object.fromEntries(kept) : null
}
