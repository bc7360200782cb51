import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * Money given back to a client for an order (reference §6.5): never more than the order
 * has been paid, in total; to the client's wallet or back to the card (a Stripe refund). Staff of the website read all; the
 * client their own.
 */
export const Refunds: CollectionConfig<'refunds'> = {
  slug: 'refunds',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['order', 'client', 'amount', 'destination', 'createdAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true }),
    serverOnlyField({ name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1 }),
    serverOnlyField({ name: 'destination', type: 'select', required: true, options: ['wallet', 'provider'] }),
    serverOnlyField({ name: 'status', type: 'select', defaultValue: 'succeeded', options: ['pending', 'succeeded', 'failed'] }),
    serverOnlyField({ name: 'payment', type: 'relationship', relationTo: 'payments', admin: { description: 'The card payment refunded (provider refunds).' } }),
    serverOnlyField({ name: 'providerRefund', type: 'text', index: true }),
    serverOnlyField({ name: 'reason', type: 'text', required: true, maxLength: 500 }),
    serverOnlyField({ name: 'createdBy', type: 'relationship', relationTo: 'users' }),
  ],
}
