import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { AUDIT_KINDS } from '@/domain/audit/actions'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * The audit trail (issue 15): one row per business write, workflow action, login, failed
 * login, logout, password reset and private file download, per website. Append-only: no
 * API creates, edits or deletes a row (access), and the database refuses UPDATE and
 * DELETE outright (a trigger, src/migrations/sql/audit.ts) but for the chain job's one
 * setting of `seq`, `prevHash` and `hash` on a row that has none. Rows are written by
 * `src/hooks/auditTrail.ts` and `src/operations/audit/record.ts`; the hash chain is
 * computed by a schedule (`src/operations/audit/chain.ts`) and checked by
 * `npm run audit:verify`. Admins read their websites' trail in the admin, read-only;
 * superadmins every website's.
 */
export const AuditEvents: CollectionConfig<'audit-events'> = {
  slug: 'audit-events',
  lockDocuments: false,
  disableDuplicate: true,
  admin: {
    ...navigation('Settings'),
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'kind', 'action', 'actorEmail', 'actorRole', 'impersonator', 'targetCollection', 'targetId', 'address', 'seq'],
    description: 'Who did what, when and from where: read-only, append-only, hash-chained per website. Filter by kind, action, actor, record or address.',
    listSearchableFields: ['action', 'actorEmail', 'targetCollection', 'address', 'requestId'],
  },
  access: { read: tenantRowsFor(['admin']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'seq'], unique: true }, { fields: ['targetCollection', 'targetId'] }],
  fields: [
    serverOnlyField({ name: 'kind', type: 'select', required: true, index: true, options: [...AUDIT_KINDS] }),
    serverOnlyField({ name: 'action', type: 'text', required: true, index: true, admin: { description: 'create, update, delete, a workflow action’s name, login, login_failed, logout, password_reset, role_change, refund, file_download…' } }),
    serverOnlyField({ name: 'actor', type: 'number', index: true, admin: { description: 'The user’s id (kept when the user is gone). Empty: the platform.' } }),
    serverOnlyField({ name: 'actorEmail', type: 'text' }),
    serverOnlyField({ name: 'actorRole', type: 'text' }),
    serverOnlyField({ name: 'impersonator', type: 'number', index: true, admin: { description: 'The staff member acting as the actor (an impersonation session): both users of every row written then.' } }),
    serverOnlyField({ name: 'targetCollection', type: 'text', index: true }),
    serverOnlyField({ name: 'targetId', type: 'text' }),
    serverOnlyField({ name: 'changes', type: 'json', admin: { description: 'The changed fields, before and after. Secrets are never stored.' } }),
    serverOnlyField({ name: 'address', type: 'text', admin: { description: 'The client’s address under the trusted-proxy rule (TRUST_PROXY).' } }),
    serverOnlyField({ name: 'userAgent', type: 'text' }),
    serverOnlyField({ name: 'requestId', type: 'text', index: true }),
    serverOnlyField({ name: 'seq', type: 'number', admin: { position: 'sidebar', description: 'Place in the website’s chain (empty until the chain job links it).' } }),
    serverOnlyField({ name: 'prevHash', type: 'text', admin: { position: 'sidebar' } }),
    serverOnlyField({ name: 'hash', type: 'text', admin: { position: 'sidebar' } }),
  ],
}
