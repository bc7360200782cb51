import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'

import { serverOnlyField } from '@/fields/serverOnly'

import { orderField, userField } from './fields'

export const INTEREST_STATUSES = ['pending', 'accepted', 'withdrawn', 'superseded'] as const

/**
 * Writers' interest in a pool order (`showInterest` or `bid`). At most one pending row
 * per order and writer; all pending rows are superseded when the order is assigned.
 */
export const OrderInterests: CollectionConfig<'order-interests'> = {
  slug: 'order-interests',
  lockDocuments: false,
  admin: { ...navigation('Orders'), defaultColumns: ['order', 'writer', 'kind', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['order', 'writer', 'status'] }],
  fields: [
    orderField,
    userField('writer', { required: true, index: true }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: ['interest', 'bid'] }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', options: [...INTEREST_STATUSES] }),
    serverOnlyField({ name: 'message', type: 'textarea', maxLength: 2000 }),
  ],
}
