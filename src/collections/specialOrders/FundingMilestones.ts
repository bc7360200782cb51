import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { MILESTONE_KINDS, MILESTONE_STATUSES } from '@/domain/specialOrders/funding'
import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * The parts of a special order's funding plan (reference §10.1). Each points at one
 * installment of the order's plan invoice and is paid only through it (checkout purpose
 * `special_order_milestone` or `installment`, or the whole invoice): the plan listener
 * marks it paid. An admin may waive one (with a reason): it counts as paid for the
 * gates, and its installment is waived with it (the invoice asks for that much less). Admins and
 * support of the website read all; a client the milestones of their own orders.
 */
export const FundingMilestones: CollectionConfig<'funding-milestones'> = {
  slug: 'funding-milestones',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['specialOrder', 'sequence', 'label', 'amount', 'status', 'requiredBeforeStaffing', 'requiredBeforeDelivery'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['specialOrder', 'sequence'], unique: true }],
  fields: [
    serverOnlyField({ name: 'specialOrder', type: 'relationship', relationTo: 'special-orders', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'installment', type: 'relationship', relationTo: 'installments', required: true, index: true, admin: { description: 'The plan invoice’s installment this milestone is paid through.' } }),
    serverOnlyField({ name: 'sequence', type: 'number', required: true, min: 1 }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: [...MILESTONE_KINDS] }),
    serverOnlyField({ name: 'label', type: 'text', required: true, maxLength: 120 }),
    moneyField('amount', { required: true, min: 1, serverOnly: true }),
    serverOnlyField({ name: 'requiredBeforeStaffing', type: 'checkbox', defaultValue: false }),
    serverOnlyField({ name: 'requiredBeforeDelivery', type: 'checkbox', defaultValue: false }),
    statusField({ statuses: MILESTONE_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'dueAt', type: 'date' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    userRefField('waivedBy', { serverOnly: true }),
    serverOnlyField({ name: 'waiveReason', type: 'textarea', maxLength: 2000 }),
  ],
}
