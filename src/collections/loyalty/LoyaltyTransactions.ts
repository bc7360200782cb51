import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { LOYALTY_KINDS } from '@/domain/loyalty/ledger'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

/**
 * The points ledger (reference §8.1): one signed row per change of a client's points,
 * never edited. `reference` is unique, so a retried award, conversion or reversal adds
 * nothing the second time. Admins and support of the website read all; a client their own.
 */
export const LoyaltyTransactions: CollectionConfig<'loyalty-transactions'> = {
  slug: 'loyalty-transactions',
  lockDocuments: false,
  admin: { ...navigation('Money'), useAsTitle: 'reference', defaultColumns: ['client', 'kind', 'points', 'balanceAfter', 'reason', 'createdAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'account', type: 'relationship', relationTo: 'loyalty-accounts', required: true, index: true }),
    serverOnlyField({ name: 'points', type: 'number', required: true, admin: { description: 'Signed: earned points are positive, spent or taken back negative.' } }),
    serverOnlyField({ name: 'kind', type: 'select', options: [...LOYALTY_KINDS], required: true, index: true }),
    serverOnlyField({ name: 'reason', type: 'text', required: true, maxLength: 500 }),
    serverOnlyField({ name: 'reference', type: 'text', required: true, unique: true, maxLength: 200, admin: { description: 'What caused it, once: a retry with the same reference adds nothing.' } }),
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({ name: 'balanceAfter', type: 'number', required: true, min: 0 }),
    serverOnlyField({ name: 'shortfall', type: 'number', min: 0, admin: { description: 'A reversal: points that could not be taken back because they were already spent.' } }),
  ],
}
