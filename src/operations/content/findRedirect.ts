import type { PayloadRequest } from 'payload'

import type { ContentCollection } from '@/domain/content/paths'
import { asSystem, proofOf } from '@/access/system'

type Live = { slug: string; template?: string | null }

/** The published document of the website with this id or slug, read as the server (the caller checked the website). */
const livePublished = async (req: PayloadRequest, tenantId: number, collection: ContentCollection, by: { id: number } | { slug: string }): Promise<Live | null> => {
  const { docs } = await req.payload.find({
    collection,
    req,
    ...asSystem(proofOf(req)),
    depth: 0,
    limit: 1,
    pagination: false,
    select: collection === 'pages' ? { slug: true, template: true } : { slug: true },
    where: { and: [{ tenant: { equals: tenantId } }, { _status: { equals: 'published' } }, 'id' in by ? { id: { equals: by.id } } : { slug: { equals: by.slug } }] },
  })
  const doc = docs[0] as { slug?: string | null; template?: string | null } | undefined
  return doc?.slug ? { slug: doc.slug, ...(collection === 'pages' ? { template: doc.template ?? null } : {}) } : null
}

/**
 * Where an old slug of a post or page leads now: the current slug of the document that
 * left it, when that document is published. Null when no redirect names the slug, when
 * its document is unpublished or gone, or when a live document holds the slug again
 * (the live one wins over history). The caller has passed its gate (a public endpoint's
 * `publicRequest`), which lets these reads act as the server.
 */
export const findRedirect = async (req: PayloadRequest, tenantId: number, collection: ContentCollection, slug: string): Promise<Live | null> => {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    req,
    ...asSystem(proofOf(req)),
    depth: 0,
    limit: 1,
    pagination: false,
    where: { and: [{ tenant: { equals: tenantId } }, { collection: { equals: collection } }, { fromSlug: { equals: slug } }] },
  })
  const target = docs[0]?.doc
  if (!target || target.relationTo !== collection) return null
  const id = typeof target.value === 'number' ? target.value : target.value?.id
  if (id == null) return null
  if (await livePublished(req, tenantId, collection, { slug })) return null
  const live = await livePublished(req, tenantId, collection, { id })
  return live && live.slug !== slug ? live : null
}
