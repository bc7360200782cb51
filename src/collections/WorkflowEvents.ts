import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { STAFF_ROLES } from '@/domain/roles'
import { serverOnlyField } from '@/fields/serverOnly'
import { WORKFLOW_COLLECTIONS } from '@/domain/workflow/collections'

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
  access: { read: tenantRowsFor([...STAFF_ROLES]), create: nobody, update: nobody, delete: nobody },
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
