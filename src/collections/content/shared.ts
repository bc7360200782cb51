import type { CollectionConfig } from 'payload'

import { contentReaders, contentRows, contentVersionRows, createContent, publishedForReaders } from '@/access/content'
import { navigation } from '@/access/navigation'
import type { ContentCollection } from '@/domain/content/paths'
import { announceContentDelete, announceContentSave } from '@/hooks/announceContentChange'
import { stampTenant } from '@/hooks/stampTenant'

import { answerTakenSlug } from './hooks/answerTakenSlug'
import { computeContent } from './hooks/computeContent'
import { guardReferences } from './hooks/guardReferences'
import { guardSlug } from './hooks/guardSlug'
import { recordSlugChange } from './hooks/recordSlugChange'
import { contentPreview } from './preview'

type SlugCollection = ContentCollection | 'authors' | 'categories' | 'tags'

/** What every slugged content collection shares: the website stamp, the slug guard and its index, the writers, the public answers dropped on change. */
const slugged = (slug: SlugCollection, read: NonNullable<CollectionConfig['access']>['read']) =>
  ({
    slug,
    // Payload's lock records are readable by any signed-in user across websites; off until scoped.
    lockDocuments: false,
    access: { read, create: createContent, update: contentRows, delete: contentRows },
    indexes: [{ fields: ['tenant', 'slug'], unique: true }],
    hooks: { beforeValidate: [stampTenant], beforeChange: [guardSlug(slug)], afterChange: [announceContentSave], afterDelete: [announceContentDelete], afterError: [answerTakenSlug] },
  }) satisfies Partial<CollectionConfig>

/**
 * Authors, categories and tags: named, slugged, read by the request website's visitors
 * (`visible` narrows what they see), written by its content-rights holders.
 */
export const taxonomyBase = (slug: 'authors' | 'categories' | 'tags', defaultColumns: string[], visible?: Parameters<typeof contentReaders>[0]) => ({
  ...slugged(slug, contentReaders(visible)),
  admin: { ...navigation('Content'), useAsTitle: 'name', defaultColumns },
})

/**
 * Posts and pages: the above plus drafts, autosave and scheduled publishing (run as
 * Payload jobs by the worker), versions for content rights only, the computed fields and
 * pre-publish checks, links and images of the body kept to the website, slug history,
 * live preview.
 */
export const publishableBase = (slug: ContentCollection, defaultColumns: string[]) => {
  const base = slugged(slug, publishedForReaders)
  return {
    ...base,
    admin: { ...navigation('Content'), useAsTitle: 'title', defaultColumns, ...contentPreview(slug) },
    access: { ...base.access, readVersions: contentVersionRows },
    versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
    hooks: { ...base.hooks, beforeChange: [...base.hooks.beforeChange, guardReferences(slug), computeContent(slug), recordSlugChange(slug)] },
  } satisfies Partial<CollectionConfig>
}
