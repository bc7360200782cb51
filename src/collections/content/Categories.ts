import type { CollectionConfig } from 'payload'

import { contentReaders, contentRows, createContent } from '@/access/content'
import { navigation } from '@/access/navigation'
import { stampTenant } from '@/hooks/stampTenant'

import { slugField } from './fields/slug'
import { answerTakenSlug } from './hooks/answerTakenSlug'
import { guardSlug } from './hooks/guardSlug'

/** Blog categories of a website (one per post). */
export const Categories: CollectionConfig<'categories'> = {
  slug: 'categories',
  lockDocuments: false,
  labels: { singular: 'Category', plural: 'Categories' },
  admin: { ...navigation('Content'), useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  access: { read: contentReaders(), create: createContent, update: contentRows, delete: contentRows },
  indexes: [{ fields: ['tenant', 'slug'], unique: true }],
  hooks: { beforeValidate: [stampTenant], afterError: [answerTakenSlug], beforeChange: [guardSlug('categories')] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 1000 },
  ],
}
