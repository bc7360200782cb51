import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { ACCOUNT_TYPES } from '@/domain/ledger/accounts'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * A website's ledger accounts: the system accounts and one per wallet, created by the
 * ledger on first use. Admins of the website read them; nobody writes them over the API.
 */
export const LedgerAccounts: CollectionConfig<'ledger-accounts'> = {
  slug: 'ledger-accounts',
  lockDocuments: false,
  admin: { ...navigation('Money'), useAsTitle: 'name', defaultColumns: ['code', 'name', 'type'] },
  access: { read: tenantRowsFor(['admin']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  fields: [
    serverOnlyField({ name: 'code', type: 'text', required: true, maxLength: 64 }),
    serverOnlyField({ name: 'name', type: 'text', required: true, maxLength: 120 }),
    serverOnlyField({ name: 'type', type: 'select', required: true, options: [...ACCOUNT_TYPES] }),
  ],
}
