import type { CollectionConfig } from 'payload'

import { slugField } from './fields/slug'
import { taxonomyBase } from './shared'

/** Blog categories of a website (one per post). */
export const Categories: CollectionConfig<'categories'> = {
  ...taxonomyBase('categories', ['name', 'slug', 'updatedAt']),
  labels: { singular: 'Category', plural: 'Categories' },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 1000 },
  ],
}
