import type { CollectionConfig, FieldAccess } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

const never: FieldAccess = () => false

/** A part of the sealed value: never read through any API (hidden, and no read access), only by the credentials operations. */
const sealedPart = (name: string) => serverOnlyField({ name, type: 'text' as const, hidden: true, access: { read: never } })

/**
 * A class's portal credentials (issue 17, domain.md §10.2 "Access"), one row per class,
 * sealed with AES-256-GCM (src/domain/credentials). Written and opened only by the
 * credentials endpoints (`/api/class-orders/:id/credentials`), each read logged in
 * `class-access-views`. Through REST, GraphQL and the admin the website's admins and
 * support see only that a record exists: under which key it is sealed, the 2FA window,
 * who changed it and when; the secret parts are hidden fields (`credentials*`, names the
 * audit trail redacts).
 */
export const ClassAccess: CollectionConfig<'class-access'> = {
  slug: 'class-access',
  lockDocuments: false,
  admin: { ...navigation('Orders'), useAsTitle: 'keyId', defaultColumns: ['classOrder', 'keyId', 'twoFactorWindow', 'updatedBy', 'updatedAt'] },
  access: { read: tenantRowsFor(['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', required: true, unique: true, index: true }),
    serverOnlyField({ name: 'keyId', type: 'text', required: true, index: true, admin: { description: 'The CREDENTIALS_KEY key that sealed them (npm run credentials:reencrypt moves old ones to the current key).' } }),
    sealedPart('credentialsIv'),
    sealedPart('credentialsTag'),
    sealedPart('credentialsCiphertext'),
    serverOnlyField({ name: 'twoFactorWindow', type: 'text', maxLength: 500, admin: { description: 'When the client can pass on a two-factor code (weekdays, hours, time zone). Not secret.' } }),
    userRefField('updatedBy', { serverOnly: true, description: 'Who stored them last.' }),
  ],
}
