import type { CollectionConfig } from 'payload'

import { slugField } from './fields/slug'
import { taxonomyBase } from './shared'

const HTTP_URL = /^https?:\/\/\S+$/i

/** The people posts are credited to; hidden ones stay visible to the website's editors only. */
export const Authors: CollectionConfig<'authors'> = {
  ...taxonomyBase('authors', ['name', 'slug', 'credentials', 'showPublicly'], { showPublicly: { equals: true } }),
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name'),
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    { name: 'credentials', type: 'text', maxLength: 200, admin: { description: 'E.g. "PhD in Nursing, 8 years of academic editing".' } },
    { name: 'expertise', type: 'text', hasMany: true, maxLength: 80 },
    {
      name: 'links',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 80 },
        {
          name: 'url',
          type: 'text',
          required: true,
          maxLength: 500,
          validate: (value: string | null | undefined) => (typeof value === 'string' && HTTP_URL.test(value)) || 'Must be an http(s) address.',
        },
      ],
    },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    { name: 'showPublicly', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
