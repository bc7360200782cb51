import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { ORDER_ACTION_NAMES } from '@/domain/orders/actions'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { STAFF_ROLES } from '@/domain/roles'

import { serverOnlyField } from '@/fields/serverOnly'

import { orderField } from './fields'

/** Timeline entries that are not actions: payments received, schedule findings and reminders. */
export const ORDER_EVENT_KINDS = ['paymentApplied', 'deadlineReminder', 'acknowledgementReminder', 'overdue', 'stuck'] as const

/**
 * The order's timeline (reference OrderTimelineEvent): one row per action or schedule
 * finding, written in the same transaction as the change. Append-only; staff of the
 * website read it.
 */
export const OrderEvents: CollectionConfig<'order-events'> = {
  slug: 'order-events',
  lockDocuments: false,
  admin: { ...navigation('Orders'), useAsTitle: 'action', defaultColumns: ['order', 'action', 'from', 'to', 'actor', 'createdAt'] },
  access: { read: tenantRowsFor([...STAFF_ROLES]), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['order', 'createdAt'] }],
  fields: [
    orderField,
    serverOnlyField({ name: 'action', type: 'select', required: true, index: true, options: [...ORDER_ACTION_NAMES, ...ORDER_EVENT_KINDS] }),
    serverOnlyField({ name: 'from', type: 'select', required: true, options: [...ORDER_STATUSES] }),
    serverOnlyField({ name: 'to', type: 'select', required: true, options: [...ORDER_STATUSES] }),
    serverOnlyField({ name: 'actor', type: 'relationship', relationTo: 'users', admin: { description: 'Empty: the platform (a schedule).' } }),
    serverOnlyField({ name: 'reason', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'metadata', type: 'json' }),
  ],
}
