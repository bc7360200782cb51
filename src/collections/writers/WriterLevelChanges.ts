import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

export const LEVEL_CHANGE_DIRECTIONS = ['promotion', 'demotion'] as const
export const LEVEL_CHANGE_TRIGGERS = ['weekly', 'admin'] as const

/**
 * A writer's move between levels (reference §12.2), with the reasons: which metric met
 * or crossed which threshold. The weekly evaluation writes them, or an admin's change of
 * level. Admins and support of the website read all; a writer their own.
 */
export const WriterLevelChanges: CollectionConfig<'writer-level-changes'> = {
  slug: 'writer-level-changes',
  lockDocuments: false,
  admin: { ...navigation('People'), defaultColumns: ['writer', 'from', 'to', 'direction', 'trigger', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    userRefField('writer', { roles: ['writer'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'from', type: 'relationship', relationTo: 'writer-levels' }),
    serverOnlyField({ name: 'to', type: 'relationship', relationTo: 'writer-levels', required: true }),
    serverOnlyField({ name: 'direction', type: 'select', options: [...LEVEL_CHANGE_DIRECTIONS], required: true, index: true }),
    serverOnlyField({ name: 'trigger', type: 'select', options: [...LEVEL_CHANGE_TRIGGERS], required: true }),
    serverOnlyField({
      name: 'reasons',
      type: 'array',
      fields: [
        { name: 'metric', type: 'text', required: true },
        { name: 'value', type: 'number', required: true },
        { name: 'threshold', type: 'number', required: true },
        // Names GraphQL accepts as enum values (">=" is not one).
        {
          name: 'crossed',
          type: 'select',
          options: [
            { label: '≥ minimum', value: 'atLeast' },
            { label: '≤ maximum', value: 'atMost' },
          ],
          required: true,
          admin: { description: 'atLeast: a minimum (met for a promotion); atMost: a maximum (held for a promotion, breached for a demotion).' },
        },
      ],
    }),
    serverOnlyField({ name: 'note', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'evaluation', type: 'relationship', relationTo: 'writer-evaluations' }),
    userRefField('changedBy', { serverOnly: true, description: 'The admin, for a change by hand.' }),
  ],
}
