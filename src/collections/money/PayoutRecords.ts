import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { PAYOUT_METHODS } from '@/domain/payouts/settings'
import { payoutRecordEndpoints } from '@/endpoints/payouts'

/**
 * One writer's payout in a batch (reference §6.7 PayoutRecord): the earnings (and
 * reversals) it settles and their net amount. An admin pays it outside the platform
 * (bank, PayPal, Wise) and marks it paid with the method and reference
 * (`POST /api/payout-records/:id/pay`). Admins and support of the website read all; a
 * writer their own.
 */
export const PayoutRecords: CollectionConfig<'payout-records'> = {
  slug: 'payout-records',
  lockDocuments: false,
  endpoints: payoutRecordEndpoints,
  admin: { ...navigation('Money'), defaultColumns: ['writer', 'amount', 'status', 'method', 'paidAt'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['batch', 'writer'], unique: true }],
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'batch', type: 'relationship', relationTo: 'payout-batches', required: true, index: true }),
    serverOnlyField({ name: 'writer', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'earnings', type: 'relationship', relationTo: 'writer-earnings', hasMany: true }),
    // `cancelled` is kept for the coming "hold/defer a record" workflow; nothing sets it yet.
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'paid', 'cancelled'] }),
    serverOnlyField({ name: 'method', type: 'select', options: [...PAYOUT_METHODS] }),
    serverOnlyField({ name: 'externalReference', type: 'text', maxLength: 200 }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    serverOnlyField({ name: 'paidBy', type: 'relationship', relationTo: 'users' }),
  ],
}
