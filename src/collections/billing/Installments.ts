import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody } from '@/access/rules'
import { INSTALLMENT_STATUSES } from '@/domain/invoices/totals'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

import { readBilling, reminderMarkFields } from './Invoices'

/**
 * An invoice's installments (reference §6.3 PaymentInstallment): their amounts add up to
 * the invoice total; each is paid on its own (or by paying the invoice, earliest first).
 * Overdue is derived (pending past `dueAt`) and marked by its reminder. `client` is the
 * invoice's, copied so access filters in SQL.
 */
export const Installments: CollectionConfig<'installments'> = {
  slug: 'installments',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['invoice', 'sequence', 'amount', 'amountPaid', 'status', 'dueAt'] },
  access: { read: readBilling('invoice.status'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['invoice', 'sequence'], unique: true }],
  fields: [
    serverOnlyField({ name: 'invoice', type: 'relationship', relationTo: 'invoices', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'sequence', type: 'number', required: true, min: 1 }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    moneyField('amountPaid', { required: true, defaultValue: 0, serverOnly: true }),
    serverOnlyField({ name: 'dueAt', type: 'date', required: true, index: true }),
    statusField({ statuses: INSTALLMENT_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    ...reminderMarkFields,
  ],
}
