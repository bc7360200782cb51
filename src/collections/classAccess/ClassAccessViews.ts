import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { CREDENTIAL_VIEW_OUTCOMES } from '@/domain/credentials/access'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

/**
 * The access log of class-portal credentials: one row per attempt to read them by someone
 * who can see the class — granted, refused or throttled — written whatever the answer
 * (committed on its own when the answer is a refusal). Append-only; the website's admins
 * read it. Never holds the secret. The audit trail gets a `credentials.view` row for each.
 */
export const ClassAccessViews: CollectionConfig<'class-access-views'> = {
  slug: 'class-access-views',
  lockDocuments: false,
  admin: { ...navigation('Orders'), useAsTitle: 'outcome', defaultColumns: ['classOrder', 'viewer', 'role', 'outcome', 'reason', 'at'] },
  access: { read: tenantRowsFor(['admin']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['classOrder', 'at'] }],
  fields: [
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', required: true, index: true }),
    userRefField('viewer', { serverOnly: true, required: true, description: 'Who asked.' }),
    serverOnlyField({ name: 'role', type: 'text', required: true, maxLength: 40, admin: { description: 'As whom: writer (assigned), admin, support, superadmin, client, or their role when refused.' } }),
    serverOnlyField({ name: 'reason', type: 'textarea', maxLength: 500, admin: { description: 'The reason staff gave.' } }),
    serverOnlyField({ name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverOnlyField({ name: 'outcome', type: 'select', required: true, index: true, options: [...CREDENTIAL_VIEW_OUTCOMES] }),
    serverOnlyField({ name: 'answer', type: 'number', admin: { description: 'The HTTP status answered (200, 400, 403, 409, 429).' } }),
  ],
}
