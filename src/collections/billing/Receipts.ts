import type { CollectionConfig } from 'payload'

import { nobody, staffRowsOrOwn } from '@/access/rules'
import { readOnlyField } from '@/collections/orderRecords/fields'
import { receiptEndpoints } from '@/endpoints/receipts'

/**
 * Receipts (reference §6.3): one per settled payment, written in the settlement's
 * transaction with a snapshot of what was paid for. Immutable through every API:
 * voiding is another receipt (`kind: void`, `voids`), at most one per receipt.
 */
export const Receipts: CollectionConfig<'receipts'> = {
  slug: 'receipts',
  lockDocuments: false,
  endpoints: receiptEndpoints,
  admin: { group: 'Money', useAsTitle: 'number', defaultColumns: ['number', 'kind', 'client', 'amount', 'issuedAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'number'], unique: true }],
  fields: [
    { name: 'number', type: 'text', required: true, ...readOnlyField },
    { name: 'kind', type: 'select', required: true, defaultValue: 'receipt', options: ['receipt', 'void'], ...readOnlyField },
    { name: 'payment', type: 'relationship', relationTo: 'payments', required: true, index: true, ...readOnlyField },
    { name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'amount', type: 'number', required: true, min: 1, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'currency', type: 'text', required: true, maxLength: 3, ...readOnlyField },
    { name: 'paidFor', type: 'json', required: true, ...readOnlyField },
    { name: 'issuedAt', type: 'date', required: true, ...readOnlyField },
    { name: 'voids', type: 'relationship', relationTo: 'receipts', index: true, ...readOnlyField },
    { name: 'reason', type: 'text', maxLength: 500, ...readOnlyField },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', ...readOnlyField },
  ],
}
