import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
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
  admin: { ...navigation('Money'), useAsTitle: 'number', defaultColumns: ['number', 'kind', 'client', 'amount', 'issuedAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'number'], unique: true }],
  fields: [
    serverOnlyField({ name: 'number', type: 'text', required: true }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, defaultValue: 'receipt', options: ['receipt', 'void'] }),
    serverOnlyField({ name: 'payment', type: 'relationship', relationTo: 'payments', required: true, index: true }),
    serverOnlyField({ name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'currency', type: 'text', required: true, maxLength: 3 }),
    serverOnlyField({ name: 'paidFor', type: 'json', required: true }),
    serverOnlyField({ name: 'issuedAt', type: 'date', required: true }),
    serverOnlyField({ name: 'voids', type: 'relationship', relationTo: 'receipts', index: true }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 500 }),
    serverOnlyField({ name: 'createdBy', type: 'relationship', relationTo: 'users' }),
  ],
}
