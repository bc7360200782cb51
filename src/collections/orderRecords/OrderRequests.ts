import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { REQUEST_KINDS, REQUEST_STATUSES } from '@/domain/orders/requests'

import { serverOnlyField } from '@/fields/serverOnly'

import { orderField, userField } from './fields'

/**
 * Holds, disputes, cancellation, reassignment and revision requests of an order: one
 * record shape, each with its own lifecycle (see domain/orders/requests). Staff read
 * them all; the person who asked reads their own.
 */
export const OrderRequests: CollectionConfig<'order-requests'> = {
  slug: 'order-requests',
  lockDocuments: false,
  admin: { ...navigation('Orders'), defaultColumns: ['order', 'kind', 'status', 'requestedBy', 'createdAt'] },
  access: { read: staffRowsOrOwn('requestedBy'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['order', 'kind', 'status'] }],
  fields: [
    orderField,
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: [...REQUEST_KINDS] }),
    serverOnlyField({ name: 'status', type: 'select', required: true, options: [...REQUEST_STATUSES] }),
    userField('requestedBy', { index: true }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 64, admin: { description: 'A coded reason (disputes).' } }),
    serverOnlyField({ name: 'description', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'statusBefore', type: 'select', options: [...ORDER_STATUSES], admin: { description: 'Where the order returns to.' } }),
    serverOnlyField({ name: 'outcome', type: 'text', maxLength: 64 }),
    serverOnlyField({ name: 'resolution', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'forfeitPercent', type: 'number', min: 0, max: 80 }),
    userField('decidedBy'),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
  ],
}
