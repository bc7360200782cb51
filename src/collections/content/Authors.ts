import type { CollectionConfig } from 'payload'

import { contentReaders, contentRows, createContent } from '@/access/content'
import { navigation } from '@/access/navigation'
import { stampTenant } from '@/hooks/stampTenant'

import { slugField } from './fields/slug'
import { answerTakenSlug } from './hooks/answerTakenSlug'
import { guardSlug } from './hooks/guardSlug'

const HTTP_URL = /^https?:\/\/\S+$/i

/** The people posts are credited to; hidden ones stay visible to the website's editors only. */
export const Authors: CollectionConfig<'authors'> = {
  slug: 'authors',
  lockDocuments: false,
  admin: { ...navigation('Content'), useAsTitle: 'name', defaultColumns: ['name', 'slug', 'credentials', 'showPublicly'] },
  access: {
    read: contentReaders({ showPublicly: { equals: true } }),
    create: createContent,
    update: contentRows,
    delete: contentRows,
  },
  indexes: [{ fields: ['tenant', 'slug'], unique: true }],
  hooks: { beforeValidate: [stampTenant], afterError: [answerTakenSlug], beforeChange: [guardSlug('authors')] },
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
