import type { CollectionConfig } from 'payload'

import { contentRows } from '@/access/content'
import { navigation } from '@/access/navigation'
import { nobody } from '@/access/rules'
import { LINKABLE_COLLECTIONS } from '@/domain/content/lexical'
import { announceContentDelete, announceContentSave } from '@/hooks/announceContentChange'

/**
 * Old slugs of posts and pages, each pointing at the document that left it. Written only
 * by the slug-change hook (src/collections/content/hooks/recordSlugChange.ts); the public
 * API answers an old slug with 301 to the document's current one (findRedirect).
 */
export const Redirects: CollectionConfig<'redirects'> = {
  slug: 'redirects',
  lockDocuments: false,
  admin: { ...navigation('Content'), useAsTitle: 'fromSlug', defaultColumns: ['fromSlug', 'collection', 'doc', 'updatedAt'] },
  access: { read: contentRows, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'collection', 'fromSlug'], unique: true }],
  // An old slug answers 301 in the public API.
  hooks: { afterChange: [announceContentSave], afterDelete: [announceContentDelete] },
  fields: [
    { name: 'collection', type: 'select', required: true, options: [...LINKABLE_COLLECTIONS] },
    { name: 'fromSlug', type: 'text', required: true, index: true, maxLength: 200 },
    { name: 'doc', type: 'relationship', relationTo: [...LINKABLE_COLLECTIONS], required: true },
  ],
}
