import type { CollectionConfig, PayloadRequest } from 'payload'

import type { ContentCollection } from '@/domain/content/paths'
import { previewUrl } from '@/domain/content/preview'
import { contentWebsite } from '@/operations/content/websiteContent'

type Previewed = { id?: number | string | null; slug?: string | null; tenant?: number | { id: number } | null }

const previewOf = async (req: PayloadRequest, collection: ContentCollection, doc: Previewed) =>
  previewUrl((await contentWebsite(req, doc.tenant))?.content?.previewUrl, { collection, slug: doc.slug, id: doc.id })

/** Live preview and the preview button, both at the address the website's pattern gives. */
export const contentPreview = (collection: ContentCollection): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> => ({
  livePreview: { url: ({ data, req }) => previewOf(req, collection, data as Previewed) },
  preview: (doc, { req }) => previewOf(req, collection, doc as Previewed),
})
