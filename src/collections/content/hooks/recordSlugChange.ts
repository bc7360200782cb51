import type { CollectionBeforeChangeHook, Where } from 'payload'

import type { ContentCollection } from '@/domain/content/paths'
import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'

/**
 * When a save publishes a post or page under another slug than the one it is live at,
 * the old slug becomes a redirect to the document (one row per old slug and website,
 * moved to this document if another one held it before). The live slug is the stored
 * row's, not the latest draft's: a rename saved as a draft first still counts here.
 */
export const recordSlugChange =
  (collection: ContentCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    if (operation !== 'update' || !originalDoc?.id) return data
    const status = data._status !== undefined ? data._status : originalDoc._status
    if (status !== 'published') return data
    const live = (await req.payload.db.findOne({ collection, req, where: { id: { equals: originalDoc.id } } })) as { _status?: string; slug?: string | null; tenant?: number | { id: number } | null } | null
    const newSlug = data.slug !== undefined ? data.slug : originalDoc.slug
    const tenant = idOf(live?.tenant ?? null)
    if (!live || live._status !== 'published' || !live.slug || live.slug === newSlug || tenant === null) return data

    const where: Where = { and: [{ tenant: { equals: tenant } }, { collection: { equals: collection } }, { fromSlug: { equals: live.slug } }] }
    const { docs } = await req.payload.find({ collection: 'redirects', where, limit: 1, depth: 0, req, ...asSystem(proofOf(req)) })
    const target = { relationTo: collection, value: originalDoc.id as number }
    if (docs[0]) await req.payload.update({ collection: 'redirects', id: docs[0].id, data: { doc: target }, depth: 0, req, ...asSystem(proofOf(req)) })
    else await req.payload.create({ collection: 'redirects', data: { tenant, collection, fromSlug: live.slug, doc: target }, depth: 0, req, ...asSystem(proofOf(req)) })
    return data
  }
