import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { REQUEST_KINDS, REQUEST_STATUSES } from '@/domain/orders/requests'

import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? value.id : value)

/**
 * Holds, disputes, cancellation, reassignment and revision requests of an order, and the
 * change requests of a special order (`kind: change`, with the price the staff put on
 * it): one record shape, each with its own lifecycle (see domain/orders/requests), about
 * exactly one of an order and a special order. Staff read them all; the person who asked
 * reads their own.
 */
export const OrderRequests: CollectionConfig<'order-requests'> = {
  slug: 'order-requests',
  lockDocuments: false,
  admin: { ...navigation('Orders'), defaultColumns: ['order', 'kind', 'status', 'requestedBy', 'createdAt'] },
  access: { read: staffRowsOrOwn('requestedBy'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['order', 'kind', 'status'] }],
  fields: [
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({
      name: 'specialOrder',
      type: 'relationship',
      relationTo: 'special-orders',
      index: true,
      validate: (value: unknown, { data }: { data: Partial<{ order: unknown }> }) => Boolean(idOf(value)) !== Boolean(idOf(data?.order)) || 'Exactly one of order and specialOrder.',
    }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: [...REQUEST_KINDS] }),
    statusField({ statuses: REQUEST_STATUSES, index: false }),
    userRefField('requestedBy', { serverOnly: true }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 64, admin: { description: 'A coded reason (disputes).' } }),
    serverOnlyField({ name: 'description', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'statusBefore', type: 'select', options: [...ORDER_STATUSES], admin: { description: 'Where the order returns to.' } }),
    serverOnlyField({ name: 'outcome', type: 'text', maxLength: 64 }),
    serverOnlyField({ name: 'resolution', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'forfeitPercent', type: 'number', min: 0, max: 80 }),
    moneyField('amount', { serverOnly: true, description: 'A change request’s price, once staff priced it.' }),
    userRefField('decidedBy', { serverOnly: true }),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
  ],
}
