import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { REDEMPTION_STATUSES } from '@/domain/loyalty/redemptions'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { workflowEndpoints } from '@/endpoints/workflowActions'

/**
 * A client spends points on a catalogue reward (reference §8.1): the points leave once,
 * when it is created (never again on approval: the reference's double deduction, §16);
 * admins approve and fulfil it (a discount code reward is issued to the client then) or
 * reject it, and the client may cancel it while pending; both give the points back by a
 * compensating transaction. Admins and support of the website read all; a client their own.
 */
export const LoyaltyRedemptions: CollectionConfig<'loyalty-redemptions'> = {
  slug: 'loyalty-redemptions',
  lockDocuments: false,
  endpoints: workflowEndpoints('loyalty-redemptions'),
  admin: { ...navigation('Money'), defaultColumns: ['client', 'reward', 'points', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    actionPanelField(),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'reward', type: 'relationship', relationTo: 'loyalty-rewards', required: true, index: true }),
    serverOnlyField({ name: 'points', type: 'number', required: true, min: 1, admin: { description: 'Points the redemption took.' } }),
    statusField({ statuses: REDEMPTION_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'transaction', type: 'relationship', relationTo: 'loyalty-transactions', admin: { description: 'The row that took the points.' } }),
    serverOnlyField({ name: 'discount', type: 'relationship', relationTo: 'discounts', admin: { description: 'The code issued for a discount code reward.' } }),
    serverOnlyField({ name: 'discountCode', type: 'text', maxLength: 64 }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 500 }),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
    userRefField('decidedBy', { serverOnly: true }),
  ],
}
