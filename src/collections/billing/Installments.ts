import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/rules'
import { readOnlyField } from '@/collections/orderRecords/fields'

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
  admin: { group: 'Money', defaultColumns: ['invoice', 'sequence', 'amount', 'amountPaid', 'status', 'dueAt'] },
  access: { read: readBilling('invoice.status'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['invoice', 'sequence'], unique: true }],
  fields: [
    { name: 'invoice', type: 'relationship', relationTo: 'invoices', required: true, index: true, ...readOnlyField },
    { name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'sequence', type: 'number', required: true, min: 1, ...readOnlyField },
    { name: 'amount', type: 'number', required: true, min: 1, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'amountPaid', type: 'number', required: true, defaultValue: 0, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'dueAt', type: 'date', required: true, index: true, ...readOnlyField },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'paid'], ...readOnlyField },
    { name: 'paidAt', type: 'date', ...readOnlyField },
    ...reminderMarkFields,
  ],
}
