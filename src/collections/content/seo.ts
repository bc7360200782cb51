import { seoPlugin } from '@payloadcms/plugin-seo'
import type { PayloadRequest } from 'payload'

import { canonicalUrl, type ContentCollection } from '@/domain/content/paths'
import { defaultMetaDescription, defaultMetaTitle } from '@/domain/content/seo'
import { contentDefaults, contentWebsite } from '@/operations/content/websiteContent'

type SeoDoc = { title?: string | null; excerpt?: string | null; summary?: string | null; slug?: string | null; template?: string | null; tenant?: number | { id: number } | null }
type SeoArgs = { doc: SeoDoc; req: PayloadRequest; collectionConfig?: { slug: string } }

const defaultsOf = async ({ doc, req }: SeoArgs) => contentDefaults(await contentWebsite(req, doc.tenant))

/**
 * Meta title, description and image on posts and pages (`meta` group). The admin's
 * "generate" buttons fill them from the document and the website's content settings.
 */
export const contentSeo = () =>
  seoPlugin({
    collections: ['posts', 'pages'],
    uploadsCollection: 'media',
    generateTitle: async (args: SeoArgs) => defaultMetaTitle(args.doc.title, await defaultsOf(args)),
    generateDescription: async (args: SeoArgs) => defaultMetaDescription(args.doc.excerpt ?? args.doc.summary, await defaultsOf(args)),
    generateURL: async ({ doc, req, collectionConfig }: SeoArgs) => {
      const website = await contentWebsite(req, doc.tenant)
      const collection = (collectionConfig?.slug ?? 'posts') as ContentCollection
      return (website && doc.slug && canonicalUrl(website, collection, { slug: doc.slug, template: doc.template })) || ''
    },
  })
