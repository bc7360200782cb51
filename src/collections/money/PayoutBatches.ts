import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { PAYOUT_BATCH_STATUSES } from '@/domain/payouts/statuses'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'

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
    moneyField('total', { required: true, serverOnly: true }),
    serverOnlyField({ name: 'count', type: 'number', required: true, min: 0, admin: { description: 'Payout records.' } }),
    statusField({ statuses: PAYOUT_BATCH_STATUSES, defaultValue: 'ready' }),
  ],
}
