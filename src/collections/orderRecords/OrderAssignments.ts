import type { CollectionConfig } from 'payload'

import { nobody, staffRowsOrOwn } from '@/access/rules'

import { orderField, readOnlyField, userField } from './fields'

export const ASSIGNMENT_SOURCES = ['staff_assignment', 'self_take', 'accepted_interest', 'direct_acceptance', 'preferred_writer_acceptance'] as const
export const ASSIGNMENT_STATUSES = ['active', 'released', 'completed', 'cancelled'] as const

/**
 * Who worked on an order and how they got it. One current row per order, backed by a
 * partial unique index (see the migration), so two concurrent takes cannot both win.
 */
export const OrderAssignments: CollectionConfig<'order-assignments'> = {
  slug: 'order-assignments',
  lockDocuments: false,
  admin: { group: 'Orders', defaultColumns: ['order', 'writer', 'source', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer'), create: nobody, update: nobody, delete: nobody },
  fields: [
    orderField,
    userField('writer', { required: true, index: true }),
    userField('assignedBy'),
    { name: 'source', type: 'select', required: true, options: [...ASSIGNMENT_SOURCES], ...readOnlyField },
    { name: 'status', type: 'select', required: true, defaultValue: 'active', options: [...ASSIGNMENT_STATUSES], ...readOnlyField },
    { name: 'isCurrent', type: 'checkbox', defaultValue: true, index: true, ...readOnlyField },
    { name: 'releasedAt', type: 'date', ...readOnlyField },
    { name: 'releaseReason', type: 'text', maxLength: 2000, ...readOnlyField },
  ],
}
