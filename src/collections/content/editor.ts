import { BlocksFeature, LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { LINKABLE_COLLECTIONS } from '@/domain/content/lexical'

import { contentBlocks } from './blocks'

/**
 * The editor of posts' and pages' bodies: Payload's default features, the content blocks,
 * and links that may point at another post or page by relationship (counted by the
 * pre-publish check, rewritten to the target's path by the public API).
 */
export const contentEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'link'),
    LinkFeature({ enabledCollections: [...LINKABLE_COLLECTIONS] }),
    BlocksFeature({ blocks: contentBlocks }),
  ],
})
