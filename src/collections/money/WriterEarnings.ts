import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * What writers earned (reference §6.7 CompensationEvent): one `order_earning` per
 * completed order, posted with its journal entry; voided while unpaid, or answered by a
 * `reversal` once paid out, when the order is cancelled later. Staff of the website read
 * them all; a writer their own.
 */
export const WriterEarnings: CollectionConfig<'writer-earnings'> = {
  slug: 'writer-earnings',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['writer', 'order', 'kind', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer'), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'writer', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: ['order_earning', 'reversal'] }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 0, admin: { description: 'Cents; a reversal takes this much back.' } }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'paid', 'voided'] }),
    serverOnlyField({ name: 'reference', type: 'text', required: true, unique: true }),
    serverOnlyField({ name: 'breakdown', type: 'json' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    // Set when a window's close puts the earning in a payout record; unbatched while empty.
    serverOnlyField({ name: 'payoutRecord', type: 'relationship', relationTo: 'payout-records', index: true }),
  ],
}
