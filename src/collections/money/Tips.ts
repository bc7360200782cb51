import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, nobody, staffField, staffRowsOrOwn } from '@/access/rules'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * A client's tip to the writer of one of their orders (reference §6.6): paid like any
 * payment (wallet, card, manual) and, once the payment succeeds, split by the website's
 * tip policy into the writer's wallet and the platform's tip margin. The split is frozen
 * when the tip is made. Admins and support of the website read all; the client and the
 * writer their own.
 */
export const Tips: CollectionConfig<'tips'> = {
  slug: 'tips',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['order', 'client', 'writer', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true }),
    serverOnlyField({ name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'writer', type: 'relationship', relationTo: 'users', required: true, index: true }),
    // The client sees what they gave, the writer what reaches them; the platform's margin is the staff's.
    readableBy(fieldExceptFor('writer'), serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents, what the client gives.' } })),
    readableBy(fieldExceptFor('client'), serverOnlyField({ name: 'writerAmount', type: 'number', required: true, min: 0, admin: { description: 'Cents, to the writer’s wallet.' } })),
    readableBy(staffField, serverOnlyField({ name: 'platformAmount', type: 'number', required: true, min: 0, admin: { description: 'Cents, the platform’s tip margin.' } })),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'succeeded', 'failed', 'cancelled'] }),
    serverOnlyField({ name: 'message', type: 'textarea', maxLength: 500 }),
  ],
}
