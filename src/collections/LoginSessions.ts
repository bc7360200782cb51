import type { Access, CollectionConfig } from 'payload'

import { actorOf } from '@/access/actor'
import { or } from '@/access/compose'
import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { SESSION_END_REASONS } from '@/domain/sessions/policy'
import { serverOnlyField } from '@/fields/serverOnly'

const ownSessions: Access = ({ req }) => {
  const actor = actorOf(req)
  return actor ? { user: { equals: actor.id } } : false
}

/**
 * What we know of each sign-in beside Payload's own session (`users.sessions`, which
 * decides whether a token is still good): the device and address it came from, the
 * website it signed in on, its last activity (written at most once a minute; the live
 * stamp is in `src/security/sessionActivity.ts`), and how it ended. Written only by the
 * session operations, through the database adapter (no audit row per sign-in: the
 * security events are the trail). The owner reads their own; a website's admins read
 * its sign-ins.
 */
export const LoginSessions: CollectionConfig<'login-sessions'> = {
  slug: 'login-sessions',
  lockDocuments: false,
  admin: {
    ...navigation('People'),
    useAsTitle: 'deviceLabel',
    defaultColumns: ['user', 'impersonator', 'deviceLabel', 'address', 'createdAt', 'lastActivityAt', 'endedAt', 'endReason'],
    description: 'Who signed in, from which device and address, and how each session ended. Read-only.',
  },
  access: { read: or(ownSessions, tenantRowsFor(['admin'], 'website')), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'endedAt'] }],
  fields: [
    serverOnlyField({ name: 'sid', type: 'text', required: true, unique: true, admin: { description: 'Payload’s session id (the token’s `sid`).' } }),
    serverOnlyField({ name: 'user', type: 'relationship', relationTo: 'users', required: true }),
    serverOnlyField({ name: 'website', type: 'relationship', relationTo: 'tenants', admin: { description: 'The website signed in on; empty: the platform’s own address.' } }),
    serverOnlyField({ name: 'deviceLabel', type: 'text', maxLength: 80 }),
    serverOnlyField({ name: 'userAgent', type: 'text', maxLength: 512 }),
    serverOnlyField({ name: 'address', type: 'text', maxLength: 64 }),
    serverOnlyField({ name: 'lastActivityAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverOnlyField({ name: 'endedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverOnlyField({ name: 'endReason', type: 'select', options: [...SESSION_END_REASONS] }),
    // Impersonation (issue 16): the staff member acting as `user`, and why.
    serverOnlyField({ name: 'impersonator', type: 'relationship', relationTo: 'users', admin: { description: 'The staff member who acted as this person (an impersonation session).' } }),
    serverOnlyField({ name: 'impersonationReason', type: 'text', maxLength: 500 }),
  ],
}
