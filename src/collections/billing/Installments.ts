import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

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
    serverOnlyField({ name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'sequence', type: 'number', required: true, min: 1 }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'amountPaid', type: 'number', required: true, defaultValue: 0, min: 0, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'dueAt', type: 'date', required: true, index: true }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'paid'] }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    ...reminderMarkFields,
  ],
}
