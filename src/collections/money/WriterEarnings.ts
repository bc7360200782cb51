import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { EARNING_STATUSES } from '@/domain/payouts/statuses'
import { EARNING_KINDS } from '@/domain/payouts/windows'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * What writers earned (reference §6.7 CompensationEvent): one `order_earning` per
 * completed order, posted with its journal entry; voided while unpaid, or answered by a
 * `reversal` once paid out, when the order is cancelled later; a `fine` the writer owes
 * (recovered from the next payout) and a `fine_refund` given back; a `class_earning` per
 * approved class task (its share of the class's compensation). Staff of the website read
 * them all; a writer their own.
 */
export const WriterEarnings: CollectionConfig<'writer-earnings'> = {
  slug: 'writer-earnings',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['writer', 'order', 'kind', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer'), create: nobody, update: nobody, delete: nobody },
  fields: [
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    // Empty for a fine without an order and for class earnings.
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({ name: 'fine', type: 'relationship', relationTo: 'fines', index: true }),
    // A `class_earning`: the class and the approved task it pays for (no order).
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', index: true }),
    serverOnlyField({ name: 'classTask', type: 'relationship', relationTo: 'class-tasks', index: true }),
    // A `special_order_earning` (and its reversal): the special order it pays for.
    serverOnlyField({ name: 'specialOrder', type: 'relationship', relationTo: 'special-orders', index: true }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: [...EARNING_KINDS] }),
    moneyField('amount', { required: true, serverOnly: true, description: 'A reversal or a fine takes this much back.' }),
    statusField({ statuses: EARNING_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'reference', type: 'text', required: true, unique: true }),
    serverOnlyField({ name: 'breakdown', type: 'json' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    // Set when a window's close puts the earning in a payout record; unbatched while empty.
    serverOnlyField({ name: 'payoutRecord', type: 'relationship', relationTo: 'payout-records', index: true }),
  ],
}
