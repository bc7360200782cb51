import type { CollectionConfig, Field } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

const count = (name: string, description: string): Field => serverOnlyField({ name, type: 'number', required: true, min: 0, defaultValue: 0, admin: { description } })
const rate = (name: string, description: string): Field => serverOnlyField({ name, type: 'number', required: true, min: 0, max: 1, defaultValue: 0, admin: { description } })

/**
 * A writer's weekly performance snapshot (reference §12.2): the last 90 days of their
 * orders on the website, the composite score and the level they held, once per ISO week
 * (unique per writer and week, so a schedule that runs again the same week writes
 * nothing). Written by the schedule only; admins and support of the website read all,
 * a writer their own.
 */
export const WriterEvaluations: CollectionConfig<'writer-evaluations'> = {
  slug: 'writer-evaluations',
  lockDocuments: false,
  admin: { ...navigation('People'), defaultColumns: ['writer', 'periodStart', 'compositeScore', 'completedOrders', 'level'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['writer', 'periodStart'], unique: true }],
  fields: [
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'periodStart', type: 'date', required: true, index: true, admin: { description: 'Monday 00:00 UTC of the ISO week.' } }),
    serverOnlyField({ name: 'periodEnd', type: 'date', required: true }),
    serverOnlyField({ name: 'windowStart', type: 'date', required: true, admin: { description: 'The first day of the 90 days the snapshot covers.' } }),
    count('assignedOrders', 'Orders assigned to the writer that ended (completed or cancelled) in the window.'),
    count('completedOrders', 'Completed in the window.'),
    count('submittedOrders', 'Submitted in the window.'),
    rate('completionRate', 'Completed ÷ assigned orders that ended.'),
    rate('latenessRate', 'Submitted after the writer deadline ÷ submitted.'),
    rate('revisionRate', 'Orders with a revision request ÷ completed.'),
    rate('disputeRate', 'Orders with a dispute ÷ completed.'),
    rate('cancellationRate', 'Cancelled ÷ assigned orders that ended.'),
    serverOnlyField({ name: 'averageRating', type: 'number', min: 1, max: 5, admin: { description: 'Empty until the writer has reviews.' } }),
    serverOnlyField({ name: 'compositeScore', type: 'number', required: true, min: 0, max: 100 }),
    serverOnlyField({ name: 'level', type: 'relationship', relationTo: 'writer-levels', admin: { description: 'The level the writer held when evaluated.' } }),
  ],
}
