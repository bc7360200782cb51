import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { ClientError } from '@/errors'

import { CLEARED_WITH_USER, userReferences } from '../userReferences'

/**
 * A user whom orders, money or their history refer to (orders as client or writer,
 * payments, refunds, tips, wallets, earnings, payouts, invoices, receipts, events,
 * messages…) is not deleted: 409 naming the records, and nothing is written. The
 * database would otherwise null the references (losing who paid, who wrote) or refuse
 * the required ones with a 500. Their stored idempotent answers go with them.
 */
export const refuseReferencedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = Number(id)
  const found: { collection: string; path: string; count: number }[] = []
  for (const { collection, path } of userReferences(req.payload.config)) {
    const { totalDocs } = await req.payload.count({ collection: collection as CollectionSlug, where: { [path]: { equals: user } }, ...asSystem(proofOf(req)), req })
    if (totalDocs > 0) found.push({ collection, path, count: totalDocs })
  }
  if (found.length > 0) {
    const named = found.map(({ collection, path, count }) => `${count} ${collection} (${path})`).join(', ')
    throw new ClientError(`This user cannot be deleted: records refer to them (${named}). They stay for the books and the orders' history.`, 409, { references: found })
  }
  for (const collection of CLEARED_WITH_USER) {
    await req.payload.delete({ collection, where: { user: { equals: user } }, ...asSystem(proofOf(req)), req })
  }
}
