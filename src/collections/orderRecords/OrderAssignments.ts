import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'

import { serverOnlyField } from '@/fields/serverOnly'

import { orderField, userField } from './fields'

export const ASSIGNMENT_SOURCES = ['staff_assignment', 'self_take', 'accepted_interest', 'direct_acceptance', 'preferred_writer_acceptance'] as const
export const ASSIGNMENT_STATUSES = ['active', 'released', 'completed', 'cancelled'] as const

/**
 * Who worked on an order and how they got it. One current row per order, backed by a
 * partial unique index (see the migration), so two concurrent takes cannot both win.
 */
export const OrderAssignments: CollectionConfig<'order-assignments'> = {
  slug: 'order-assignments',
  lockDocuments: false,
  admin: { ...navigation('Orders'), defaultColumns: ['order', 'writer', 'source', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer'), create: nobody, update: nobody, delete: nobody },
  fields: [
    orderField,
    userField('writer', { required: true, index: true }),
    userField('assignedBy'),
    serverOnlyField({ name: 'source', type: 'select', required: true, options: [...ASSIGNMENT_SOURCES] }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'active', options: [...ASSIGNMENT_STATUSES] }),
    serverOnlyField({ name: 'isCurrent', type: 'checkbox', defaultValue: true, index: true }),
    serverOnlyField({ name: 'releasedAt', type: 'date' }),
    serverOnlyField({ name: 'releaseReason', type: 'text', maxLength: 2000 }),
  ],
}
