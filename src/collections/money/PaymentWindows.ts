import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * A website's payment windows (reference §6.7 PaymentWindow), opened and closed only by
 * the `payouts-windows` schedule: at most one open per website (a partial unique index),
 * and closing one builds its payout batch in the same transaction. Admins, support and
 * writers of the website read them (writers see when the next payout comes).
 */
export const PaymentWindows: CollectionConfig<'payment-windows'> = {
  slug: 'payment-windows',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['opensAt', 'closesAt', 'status', 'batch'] },
  access: { read: tenantRowsFor(['admin', 'support', 'writer']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'opensAt', type: 'date', required: true }),
    serverOnlyField({ name: 'closesAt', type: 'date', required: true, index: true }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'open', index: true, options: ['open', 'closed'] }),
    serverOnlyField({ name: 'closedAt', type: 'date' }),
    serverOnlyField({ name: 'batch', type: 'relationship', relationTo: 'payout-batches' }),
  ],
}
