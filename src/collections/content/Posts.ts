import type { CollectionConfig } from 'payload'

import { contentRows, contentVersionRows, createContent, publishedForReaders } from '@/access/content'
import { navigation } from '@/access/navigation'
import { stampTenant } from '@/hooks/stampTenant'

import { contentEditor } from './editor'
import { computedContentFields } from './fields/computed'
import { slugField } from './fields/slug'
import { computeContent } from './hooks/computeContent'
import { answerTakenSlug } from './hooks/answerTakenSlug'
import { guardSlug } from './hooks/guardSlug'
import { recordSlugChange } from './hooks/recordSlugChange'
import { contentPreview } from './preview'
import { contentVersions } from './versions'

/** Blog posts of a website, at /blog/<slug>. */
export const Posts: CollectionConfig<'posts'> = {
  slug: 'posts',
  // Payload's lock records are readable by any signed-in user across websites; off until scoped.
  lockDocuments: false,
  admin: {
    ...navigation('Content'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt', 'warningCount', 'updatedAt'],
    ...contentPreview('posts'),
  },
  access: {
    read: publishedForReaders,
    readVersions: contentVersionRows,
    create: createContent,
    update: contentRows,
    delete: contentRows,
  },
  versions: contentVersions,
  indexes: [{ fields: ['tenant', 'slug'], unique: true }],
  hooks: {
    beforeValidate: [stampTenant],
    afterError: [answerTakenSlug],
    beforeChange: [guardSlug('posts'), computeContent('posts'), recordSlugChange('posts')],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'excerpt', type: 'textarea', maxLength: 300, admin: { description: 'Left empty, the first 300 characters of the body.' } },
    { name: 'featuredImage', type: 'upload', relationTo: 'media' },
    { name: 'body', type: 'richText', editor: contentEditor },
    { name: 'primaryAuthor', type: 'relationship', relationTo: 'authors', required: true, admin: { position: 'sidebar' } },
    { name: 'contributors', type: 'relationship', relationTo: 'authors', hasMany: true, admin: { position: 'sidebar' } },
    { name: 'category', type: 'relationship', relationTo: 'categories', admin: { position: 'sidebar' } },
    { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'primaryService',
      type: 'relationship',
      relationTo: 'pages',
      admin: { position: 'sidebar', description: 'The service page this post leads readers to.' },
    },
    { name: 'publishedAt', type: 'date', index: true, admin: { position: 'sidebar', description: 'Set on first publication when empty.' } },
    ...computedContentFields(),
  ],
}
