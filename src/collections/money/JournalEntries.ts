import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * The journal: append-only, balanced entries written only by `post` (src/operations/
 * ledger/post.ts) inside the business change's transaction. Nobody, superadmin
 * included, updates or deletes an entry through any API: a correction is a reversing
 * entry.
 */
export const JournalEntries: CollectionConfig<'journal-entries'> = {
  slug: 'journal-entries',
  lockDocuments: false,
  admin: { ...navigation('Money'), useAsTitle: 'reference', defaultColumns: ['reference', 'type', 'memo', 'createdAt'] },
  access: { read: tenantRowsFor(['admin']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'reference', type: 'text', required: true, unique: true, maxLength: 200 }),
    serverOnlyField({ name: 'type', type: 'text', required: true, index: true, maxLength: 64 }),
    serverOnlyField({ name: 'memo', type: 'text', maxLength: 500 }),
    serverOnlyField({
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 2,
      fields: [
        {
          name: 'account',
          type: 'relationship',
          relationTo: 'ledger-accounts',
          required: true,
          index: true,
          // Lines are written only by post(), which resolves every account on the entry's own
          // website (and nothing else can write an entry); the default validation would
          // re-read each account, twice per line, on every money write.
          validate: (value: unknown) => (value !== null && value !== undefined) || 'Required.',
        },
        { name: 'debit', type: 'number', required: true, min: 0, defaultValue: 0 },
        { name: 'credit', type: 'number', required: true, min: 0, defaultValue: 0 },
      ],
    }),
  ],
}
