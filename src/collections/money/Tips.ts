import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, nobody, staffField, staffRowsOrOwn } from '@/access/rules'
import { readableBy } from '@/fields/readableBy'
import { TIP_STATUSES } from '@/domain/tips/policy'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * A client's tip to the writer of one of their orders (reference §6.6): paid like any
 * payment (wallet, card, manual) and, once the payment succeeds, split by the website's
 * tip policy into the writer's wallet and the platform's tip margin. The split is frozen
 * when the tip is made. Admins and support of the website read all; the client and the
 * writer their own.
 */
export const Tips: CollectionConfig<'tips'> = {
  slug: 'tips',
  lockDocuments: false,
  admin: { ...navigation('Money'), defaultColumns: ['order', 'client', 'writer', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    // The client sees what they gave, the writer what reaches them; the platform's margin is the staff's.
    readableBy(fieldExceptFor('writer'), moneyField('amount', { min: 1, required: true, serverOnly: true, description: 'What the client gives.' })),
    readableBy(fieldExceptFor('client'), moneyField('writerAmount', { required: true, serverOnly: true, description: 'To the writer’s wallet.' })),
    readableBy(staffField, moneyField('platformAmount', { required: true, serverOnly: true, description: 'The platform’s tip margin.' })),
    statusField({ statuses: TIP_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'message', type: 'textarea', maxLength: 500 }),
  ],
}
