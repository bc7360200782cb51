import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * What a closed payment window owes writers (reference §6.7 PayoutBatch): one per
 * window, `total` = the sum of its records = the sum of the matured earnings (minus
 * reversals) it gathered. `ready` until its first record is paid, `paid` once all are.
 * Admins and support of the website read them.
 */
export const PayoutBatches: CollectionConfig<'payout-batches'> = {
  slug: 'payout-batches',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['window', 'total', 'count', 'status', 'createdAt'] },
  access: { read: tenantRowsFor(['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'window', type: 'relationship', relationTo: 'payment-windows', required: true, unique: true }),
    serverOnlyField({ name: 'total', type: 'number', required: true, min: 0, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'count', type: 'number', required: true, min: 0, admin: { description: 'Payout records.' } }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'ready', index: true, options: ['ready', 'partially_paid', 'paid'] }),
  ],
}
