import type { Access, CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { actorOf } from '@/access/actor'
import { nobody } from '@/access/rules'
import { inActorTenants } from '@/access/where'
import { serverOnlyField } from '@/fields/serverOnly'
import { adjustWalletEndpoint } from '@/endpoints/money'
import { walletMeEndpoint } from '@/endpoints/walletMe'

/** Admins and support of the website see its wallets; anyone else only their own. */
const readWallets: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  const tenant = inActorTenants(actor)
  if (tenant === true) return true
  if (actor.roles.some((r) => r === 'admin' || r === 'support')) return tenant
  return { and: [tenant, { owner: { equals: actor.id } }] }
}

/**
 * Client and writer wallets, one of each kind per user and website. `balance` (available)
 * and `held` are a cache of the wallet's ledger account, changed only by `post` under
 * the wallet's row lock; the database refuses a negative value (see the migration).
 */
export const Wallets: CollectionConfig<'wallets'> = {
  slug: 'wallets',
  lockDocuments: false,
  endpoints: [walletMeEndpoint, adjustWalletEndpoint],
  admin: { ...navigation('Money'), defaultColumns: ['owner', 'kind', 'balance', 'held', 'currency'] },
  access: { read: readWallets, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'owner', 'kind'], unique: true }],
  fields: [
    serverOnlyField({ name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'kind', type: 'select', required: true, options: ['client', 'writer'] }),
    serverOnlyField({ name: 'currency', type: 'text', required: true, maxLength: 3 }),
    serverOnlyField({ name: 'balance', type: 'number', required: true, defaultValue: 0, admin: { description: 'Available, cents.' } }),
    serverOnlyField({ name: 'held', type: 'number', required: true, defaultValue: 0, admin: { description: 'Held, cents.' } }),
    serverOnlyField({ name: 'account', type: 'relationship', relationTo: 'ledger-accounts' }),
  ],
}
