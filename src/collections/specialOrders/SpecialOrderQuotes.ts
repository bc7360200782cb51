import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { QUOTE_LINE_KINDS, QUOTE_STATUSES } from '@/domain/specialOrders/quotes'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { actionPanelField } from '@/fields/actionPanel'
import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * The quotes of quoted special orders (reference §10.1 SpecialOrderQuote): written by
 * the order's `sendQuote` only, answered by the client through the quote's own actions
 * (`accept`, `reject`), expired by the schedule past `expiresAt`. Admins and support of
 * the website read all; a client the quotes of their own orders.
 */
export const SpecialOrderQuotes: CollectionConfig<'special-order-quotes'> = {
  slug: 'special-order-quotes',
  lockDocuments: false,
  endpoints: workflowEndpoints('special-order-quotes'),
  admin: { ...navigation('Orders'), defaultColumns: ['specialOrder', 'client', 'status', 'total', 'expiresAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'specialOrder', type: 'relationship', relationTo: 'special-orders', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true, description: 'The special order’s client: the one who accepts or rejects.' }),
    serverOnlyField({
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        { name: 'kind', type: 'select', required: true, options: [...QUOTE_LINE_KINDS] },
        { name: 'description', type: 'text', required: true, maxLength: 500 },
        // Signed (a discount is negative), so not a money field: those are never below 0 in the database.
        { name: 'amount', type: 'number', required: true, admin: { description: 'In cents; negative for a discount.' } },
      ],
    }),
    moneyField('subtotal', { required: true, serverOnly: true, description: 'Every line but discounts.' }),
    moneyField('discount', { defaultValue: 0, serverOnly: true }),
    moneyField('total', { required: true, min: 1, serverOnly: true }),
    serverOnlyField({ name: 'currency', type: 'text', maxLength: 3 }),
    statusField({ statuses: QUOTE_STATUSES, defaultValue: 'draft' }),
    serverOnlyField({ name: 'expiresAt', type: 'date', index: true }),
    serverOnlyField({ name: 'sentAt', type: 'date' }),
    serverOnlyField({ name: 'decidedAt', type: 'date' }),
    serverOnlyField({ name: 'note', type: 'textarea', maxLength: 4000, admin: { description: 'The sender’s note to the client.' } }),
    serverOnlyField({ name: 'answer', type: 'textarea', maxLength: 2000, admin: { description: 'The client’s or staff’s reason when rejected or withdrawn.' } }),
    userRefField('sentBy', { serverOnly: true }),
  ],
}
