import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, superadminRows } from '@/access/rules'

/** Every payment-provider event id seen, once: a replayed webhook finds its row and does nothing. */
export const ProviderEvents: CollectionConfig<'provider-events'> = {
  slug: 'provider-events',
  lockDocuments: false,
  admin: { ...navigation('Platform') },
  access: { read: superadminRows, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['provider', 'eventId'], unique: true }],
  fields: [
    { name: 'provider', type: 'text', required: true, maxLength: 32 },
    { name: 'eventId', type: 'text', required: true, maxLength: 255 },
    { name: 'type', type: 'text', required: true, maxLength: 100 },
    { name: 'payment', type: 'relationship', relationTo: 'payments' },
  ],
}
