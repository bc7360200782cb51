import type { CollectionConfig } from 'payload'

/**
 * Posts and pages: drafts saved as the editor types, publishing and unpublishing at a
 * chosen time through Payload's scheduled-publish jobs (run by the worker), and enough
 * history to roll back a bad edit.
 */
export const contentVersions: CollectionConfig['versions'] = {
  drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  maxPerDoc: 50,
}
