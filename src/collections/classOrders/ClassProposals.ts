import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { CLASS_PROPOSAL_KINDS, CLASS_PROPOSAL_STATUSES } from '@/domain/classOrders/proposals'
import { actionPanelField } from '@/fields/actionPanel'
import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { workflowEndpoints } from '@/endpoints/workflowActions'

/**
 * A class's price proposals and the client's counter-offers (§10.2), written only by the
 * class's `proposePrice` and the proposals' own actions (accept, counter, reject,
 * withdraw, expire). Staff of the website read all; the client those of their classes.
 */
export const ClassProposals: CollectionConfig<'class-proposals'> = {
  slug: 'class-proposals',
  lockDocuments: false,
  endpoints: workflowEndpoints('class-proposals'),
  admin: { ...navigation('Orders'), defaultColumns: ['classOrder', 'kind', 'amount', 'discount', 'final', 'status', 'expiresAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true, description: 'The class’s client, copied so access filters in SQL.' }),
    serverOnlyField({ name: 'kind', type: 'select', options: [...CLASS_PROPOSAL_KINDS], required: true, defaultValue: 'proposal' }),
    moneyField('amount', { min: 1, required: true, serverOnly: true }),
    moneyField('discount', { defaultValue: 0, serverOnly: true }),
    moneyField('final', { min: 1, required: true, serverOnly: true, description: 'amount − discount: what the client pays if accepted.' }),
    serverOnlyField({ name: 'note', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'expiresAt', type: 'date', index: true }),
    statusField({ statuses: CLASS_PROPOSAL_STATUSES, defaultValue: 'sent' }),
    serverOnlyField({ name: 'replyTo', type: 'relationship', relationTo: 'class-proposals', admin: { description: 'The proposal a counter-offer answers.' } }),
    userRefField('by', { serverOnly: true, description: 'Who made it.' }),
    serverOnlyField({ name: 'answeredAt', type: 'date' }),
  ],
}
