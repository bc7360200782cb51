import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { PAYOUT_METHODS } from '@/domain/payouts/settings'
import { PAYOUT_RECORD_STATUSES } from '@/domain/payouts/statuses'
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
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    serverOnlyField({ name: 'earnings', type: 'relationship', relationTo: 'writer-earnings', hasMany: true }),
    // `cancelled` is kept for the coming "hold/defer a record" workflow; nothing sets it yet.
    statusField({ statuses: PAYOUT_RECORD_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'method', type: 'select', options: [...PAYOUT_METHODS] }),
    serverOnlyField({ name: 'externalReference', type: 'text', maxLength: 200 }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    userRefField('paidBy', { serverOnly: true }),
  ],
}
