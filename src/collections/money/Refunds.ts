import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { EXTERNAL_REFERENCE_MAX, REFUND_DESTINATIONS, REFUND_STATUSES } from '@/domain/payments/types'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * Money given back to a client for an order, a special order or a class order (reference
 * §6.5, §10): never more than it has been paid, in total; to the client's wallet, back to the card (a Stripe refund), or
 * recorded as paid back outside the platform (`external`, with the reference of that
 * payment). Staff of the website read all; the client their own.
 */
export const Refunds: CollectionConfig<'refunds'> = {
  slug: 'refunds',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['order', 'client', 'amount', 'destination', 'createdAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    // What the money was paid for: exactly one of an order, a special order, a class order (a CHECK in SQL too).
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({ name: 'specialOrder', type: 'relationship', relationTo: 'special-orders', index: true }),
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    serverOnlyField({ name: 'destination', type: 'select', required: true, options: [...REFUND_DESTINATIONS] }),
    statusField({ statuses: REFUND_STATUSES, defaultValue: 'succeeded', required: false, index: false }),
    serverOnlyField({ name: 'payment', type: 'relationship', relationTo: 'payments', admin: { description: 'The card payment refunded (provider refunds).' } }),
    serverOnlyField({ name: 'providerRefund', type: 'text', index: true }),
    serverOnlyField({ name: 'externalReference', type: 'text', maxLength: EXTERNAL_REFERENCE_MAX, admin: { description: 'The bank transfer or other payment that gave the money back outside the platform (external refunds).' } }),
    serverOnlyField({ name: 'reason', type: 'text', required: true, maxLength: 500 }),
    userRefField('createdBy', { serverOnly: true }),
  ],
}
