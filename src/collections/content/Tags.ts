import type { CollectionConfig } from 'payload'

import { contentReaders, contentRows, createContent } from '@/access/content'
import { navigation } from '@/access/navigation'
import { stampTenant } from '@/hooks/stampTenant'

import { slugField } from './fields/slug'
import { answerTakenSlug } from './hooks/answerTakenSlug'
import { guardSlug } from './hooks/guardSlug'

/** Blog tags of a website (many per post). */
export const Tags: CollectionConfig<'tags'> = {
  slug: 'tags',
  lockDocuments: false,
  admin: { ...navigation('Content'), useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  access: { read: contentReaders(), create: createContent, update: contentRows, delete: contentRows },
  indexes: [{ fields: ['tenant', 'slug'], unique: true }],
  hooks: { beforeValidate: [stampTenant], afterError: [answerTakenSlug], beforeChange: [guardSlug('tags')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField('name'),
  ],
}
