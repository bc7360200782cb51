import type { CollectionConfig } from 'payload'

import { nobody, staffRowsOrOwn } from '@/access/rules'
import { readOnlyField } from '@/collections/orderRecords/fields'

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
  admin: { group: 'Money', defaultColumns: ['order', 'client', 'writer', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true, ...readOnlyField },
    { name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'writer', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'amount', type: 'number', required: true, min: 1, ...readOnlyField, admin: { readOnly: true, description: 'Cents, what the client gives.' } },
    { name: 'writerAmount', type: 'number', required: true, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents, to the writer’s wallet.' } },
    { name: 'platformAmount', type: 'number', required: true, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents, the platform’s tip margin.' } },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'succeeded', 'failed', 'cancelled'], ...readOnlyField },
    { name: 'message', type: 'textarea', maxLength: 500, ...readOnlyField },
  ],
}
