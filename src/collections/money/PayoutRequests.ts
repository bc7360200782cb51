import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { PAYOUT_METHODS } from '@/domain/payouts/settings'
import { PAYOUT_REQUEST_STATUSES } from '@/domain/payouts/statuses'
import { payoutRequestEndpoints } from '@/endpoints/payouts'

/**
 * A writer asks to be paid from their writer wallet's available balance (reference §6.4):
 * the amount is held on the wallet at once; an admin approves (the hold is captured and
 * leaves the platform) or rejects (released); left pending past the website's expiry, the
 * platform releases it. Admins and support of the website read all; a writer their own.
 */
export const PayoutRequests: CollectionConfig<'payout-requests'> = {
  slug: 'payout-requests',
  lockDocuments: false,
  endpoints: payoutRequestEndpoints,
  admin: { ...navigation('Money'), defaultColumns: ['writer', 'amount', 'status', 'expiresAt', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    actionPanelField(),
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'wallet', type: 'relationship', relationTo: 'wallets', required: true }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    statusField({ statuses: PAYOUT_REQUEST_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'expiresAt', type: 'date', required: true, index: true }),
    serverOnlyField({ name: 'method', type: 'select', options: [...PAYOUT_METHODS] }),
    serverOnlyField({ name: 'externalReference', type: 'text', maxLength: 200 }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 500 }),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
    userRefField('decidedBy', { serverOnly: true }),
  ],
}
