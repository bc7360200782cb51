import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { idOf } from '@/access/actor'
import { SLUG_TAKEN_MESSAGE, slugProblem } from '@/domain/content/slug'
import { refuseField } from '@/errors'
import { asSystem, proofOf } from '@/access/system'

/**
 * Refuses a bad or taken slug with 400 naming `slug`, drafts included (they skip field
 * validation, yet a draft's slug is the one it is previewed and published at). The
 * compound unique index stays the guarantee against a race; this is the readable answer.
 */
export const guardSlug =
  (collection: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const slug = data.slug !== undefined ? data.slug : originalDoc?.slug
    if (slug == null || slug === '') return data
    const problem = typeof slug === 'string' ? slugProblem(slug) : 'A slug is text.'
    if (problem) throw refuseField(collection, 'slug', problem, 400)
    const tenant = idOf(data.tenant ?? originalDoc?.tenant)
    if (tenant === null) return data
    const { totalDocs } = await req.payload.count({
      collection,
      req,
      ...asSystem(proofOf(req)),
      where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: slug } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    })
    if (totalDocs > 0) throw refuseField(collection, 'slug', SLUG_TAKEN_MESSAGE, 400)
    return data
  }
