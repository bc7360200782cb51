import type { Access, CollectionConfig } from 'payload'

import { actorOf, hasRole } from '@/access/actor'
import { and } from '@/access/compose'
import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { STAFF_ROLES } from '@/domain/roles'
import { serverOnlyField } from '@/fields/serverOnly'
import { WORKFLOW_COLLECTIONS } from '@/domain/workflow/collections'

/**
 * A ticket's timeline only for those who work tickets (support, admins, superadmins), as
 * the ticket itself: its escalation reason and notes are not an editor's to read.
 */
const ticketsForTicketStaff: Access = ({ req }) => hasRole(actorOf(req), 'superadmin', 'admin', 'support') || { collection: { not_equals: 'tickets' } }

/**
 * The business timeline of every workflow record but orders (whose timeline keeps its
 * order-shaped `order-events`): one row per action, written in the action's
 * transaction. Append-only; staff of the website read it. Not the audit trail (every
 * write, for compliance), which is a separate record.
 */
export const WorkflowEvents: CollectionConfig<'workflow-events'> = {
  slug: 'workflow-events',
  lockDocuments: false,
  admin: { ...navigation('Orders'), useAsTitle: 'action', defaultColumns: ['collection', 'document', 'action', 'from', 'to', 'actor', 'createdAt'] },
  access: { read: and(tenantRowsFor([...STAFF_ROLES]), ticketsForTicketStaff), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['collection', 'document', 'createdAt'] }],
  fields: [
    serverOnlyField({ name: 'collection', type: 'select', required: true, options: [...WORKFLOW_COLLECTIONS] }),
    serverOnlyField({ name: 'document', type: 'number', required: true, admin: { description: 'The id of the record in its collection.' } }),
    serverOnlyField({ name: 'action', type: 'text', required: true, index: true }),
    serverOnlyField({ name: 'from', type: 'text', required: true }),
    serverOnlyField({ name: 'to', type: 'text', required: true }),
    serverOnlyField({ name: 'actor', type: 'relationship', relationTo: 'users', admin: { description: 'Empty: the platform (a schedule).' } }),
    serverOnlyField({ name: 'reason', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'data', type: 'json' }),
  ],
}
