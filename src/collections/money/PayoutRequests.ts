import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { PAYOUT_METHODS } from '@/domain/payouts/settings'
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
    serverOnlyField({ name: 'writer', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'wallet', type: 'relationship', relationTo: 'wallets', required: true }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'approved', 'rejected', 'expired'] }),
    serverOnlyField({ name: 'expiresAt', type: 'date', required: true, index: true }),
    serverOnlyField({ name: 'method', type: 'select', options: [...PAYOUT_METHODS] }),
    serverOnlyField({ name: 'externalReference', type: 'text', maxLength: 200 }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 500 }),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
    serverOnlyField({ name: 'decidedBy', type: 'relationship', relationTo: 'users' }),
  ],
}
