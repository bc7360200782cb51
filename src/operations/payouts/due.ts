import type { Payload } from 'payload'

/**
 * Ids of the rows in `status` whose `field` date has come by `now`, oldest first: what a
 * payouts schedule has to handle (each then in its own transaction, re-checked under
 * its row lock).
 */
export const dueIds = async (payload: Payload, collection: 'payment-windows' | 'payout-requests', status: 'open' | 'pending', field: 'closesAt' | 'expiresAt', now: Date): Promise<number[]> => {
  const { docs } = await payload.find({
    collection,
    where: { and: [{ status: { equals: status } }, { [field]: { less_than_equal: now.toISOString() } }] },
    sort: field,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
  })
  return docs.map((d) => d.id)
}
