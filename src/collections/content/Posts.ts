import type { CollectionConfig } from 'payload'

import { contentEditor } from './editor'
import { computedContentFields } from './fields/computed'
import { slugField } from './fields/slug'
import { publishableBase } from './shared'

/** Blog posts of a website, at /blog/<slug>. */
export const Posts: CollectionConfig<'posts'> = {
  ...publishableBase('posts', ['title', 'slug', '_status', 'publishedAt', 'warningCount', 'updatedAt']),
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
