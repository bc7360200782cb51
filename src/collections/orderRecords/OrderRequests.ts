import type { CollectionConfig } from 'payload'

import { nobody, staffRowsOrOwn } from '@/access/rules'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { REQUEST_KINDS, REQUEST_STATUSES } from '@/domain/orders/requests'

import { orderField, readOnlyField, userField } from './fields'

/**
 * Holds, disputes, cancellation, reassignment and revision requests of an order: one
 * record shape, each with its own lifecycle (see domain/orders/requests). Staff read
 * them all; the person who asked reads their own.
 */
export const OrderRequests: CollectionConfig<'order-requests'> = {
  slug: 'order-requests',
  lockDocuments: false,
  admin: { group: 'Orders', defaultColumns: ['order', 'kind', 'status', 'requestedBy', 'createdAt'] },
  access: { read: staffRowsOrOwn('requestedBy'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['order', 'kind', 'status'] }],
  fields: [
    orderField,
    { name: 'kind', type: 'select', required: true, options: [...REQUEST_KINDS], ...readOnlyField },
    { name: 'status', type: 'select', required: true, options: [...REQUEST_STATUSES], ...readOnlyField },
    userField('requestedBy', { index: true }),
    { name: 'reason', type: 'text', maxLength: 64, ...readOnlyField, admin: { readOnly: true, description: 'A coded reason (disputes).' } },
    { name: 'description', type: 'textarea', maxLength: 2000, ...readOnlyField },
    { name: 'statusBefore', type: 'select', options: [...ORDER_STATUSES], ...readOnlyField, admin: { readOnly: true, description: 'Where the order returns to.' } },
    { name: 'outcome', type: 'text', maxLength: 64, ...readOnlyField },
    { name: 'resolution', type: 'textarea', maxLength: 2000, ...readOnlyField },
    { name: 'forfeitPercent', type: 'number', min: 0, max: 80, ...readOnlyField },
    userField('decidedBy'),
    { name: 'decidedAt', type: 'date', ...readOnlyField },
  ],
}
