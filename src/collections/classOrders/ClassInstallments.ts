import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { CLASS_INSTALLMENT_STATUSES } from '@/domain/classOrders/installmentPlan'
import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * A class's installment plan (§10.2), one row per installment of its plan invoice: the
 * client pays the invoice's installment (checkout `purpose: installment`) and the plan
 * listener marks this row paid; the overdue schedule marks it overdue. Written by the
 * server only. Staff of the website read all; the client those of their classes.
 */
export const ClassInstallments: CollectionConfig<'class-installments'> = {
  slug: 'class-installments',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['classOrder', 'sequence', 'amount', 'dueAt', 'status', 'paidAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['classOrder', 'sequence'], unique: true }],
  fields: [
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'installment', type: 'relationship', relationTo: 'installments', required: true, index: true, admin: { description: 'The plan invoice’s installment the client pays.' } }),
    serverOnlyField({ name: 'sequence', type: 'number', required: true, min: 1 }),
    serverOnlyField({ name: 'deposit', type: 'checkbox', defaultValue: false }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    serverOnlyField({ name: 'dueAt', type: 'date', required: true, index: true }),
    statusField({ statuses: CLASS_INSTALLMENT_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
  ],
}
