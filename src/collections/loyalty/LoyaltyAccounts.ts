import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

/**
 * A client's points on one website (reference §8.1): a cache of the sum of their
 * `loyalty-transactions`, written only under this row's lock in the transaction that adds
 * the row, so it always equals that sum; never negative (a CHECK as well). One per client
 * and website. Admins and support of the website read all; a client their own.
 */
export const LoyaltyAccounts: CollectionConfig<'loyalty-accounts'> = {
  slug: 'loyalty-accounts',
  lockDocuments: false,
  admin: { ...navigation('Money'), useAsTitle: 'id', defaultColumns: ['client', 'balance', 'tier', 'lifetimeEarned', 'updatedAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  // client_tenant, not tenant_client: Payload numbers same-named indexes across collections.
  indexes: [{ fields: ['client', 'tenant'], unique: true }],
  fields: [
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'balance', type: 'number', required: true, min: 0, defaultValue: 0, admin: { description: 'Points now: the sum of the account’s transactions.' } }),
    serverOnlyField({ name: 'lifetimeEarned', type: 'number', required: true, min: 0, defaultValue: 0, admin: { description: 'Points ever earned (earn, referral, admin credits), net of reversals.' } }),
    serverOnlyField({ name: 'tier', type: 'text', maxLength: 60, admin: { description: 'The tier of the balance, by the website’s thresholds.' } }),
  ],
}
