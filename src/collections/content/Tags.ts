import type { CollectionConfig } from 'payload'

import { slugField } from './fields/slug'
import { taxonomyBase } from './shared'

/** Blog tags of a website (many per post). */
export const Tags: CollectionConfig<'tags'> = {
  ...taxonomyBase('tags', ['name', 'slug', 'updatedAt']),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField('name'),
  ],
}
