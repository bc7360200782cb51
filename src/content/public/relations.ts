import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'

import type { LinkTarget, MediaView } from '@/domain/content/render/body'
import { contentPath, type ContentCollection } from '@/domain/content/paths'
import type { Author, Category, Media, Page, Post, Tag } from '@/payload-types'

import type { AuthorViewT, TermViewT } from './schemas'

/**
 * Related documents of public posts and pages, loaded in one query per collection and
 * always through that collection's read access as an anonymous reader of the request's
 * website (`overrideAccess: false`, no user): a draft page, a hidden author or another
 * website's media is simply not found, so it cannot be shown.
 */

const unique = (ids: readonly (number | null | undefined)[]): number[] => [...new Set(ids.filter((id): id is number => typeof id === 'number'))]

export const mediaView = (media: Pick<Media, 'id' | 'url' | 'alt' | 'width' | 'height' | 'mimeType'>): MediaView => ({
  id: media.id,
  url: media.url ?? '',
  alt: media.alt ?? '',
  width: media.width ?? null,
  height: media.height ?? null,
  mimeType: media.mimeType ?? null,
})

export const loadMedia = async (req: PayloadRequest, ids: readonly (number | null | undefined)[]): Promise<Map<number, MediaView>> => {
  const wanted = unique(ids)
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: wanted } },
    // `url` is computed from `filename` when read, so both are selected.
    select: { url: true, filename: true, alt: true, width: true, height: true, mimeType: true },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return new Map((docs as Media[]).filter((m) => m.url).map((m) => [m.id, mediaView(m)]))
}

export type LoadedAuthor = { view: Omit<AuthorViewT, 'photo'>; photo: number | null }

export const loadAuthors = async (req: PayloadRequest, ids: readonly (number | null | undefined)[]): Promise<Map<number, LoadedAuthor>> => {
  const wanted = unique(ids)
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'authors',
    where: { id: { in: wanted } },
    select: { name: true, slug: true, bio: true, credentials: true, expertise: true, links: true, photo: true },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return new Map(
    (docs as Author[]).map((a) => [
      a.id,
      {
        view: { name: a.name, slug: a.slug, bio: a.bio ?? null, credentials: a.credentials ?? null, expertise: a.expertise ?? [], links: (a.links ?? []).map((l) => ({ label: l.label, url: l.url })) },
        photo: idOf(a.photo),
      },
    ]),
  )
}

export const loadTerms = async (req: PayloadRequest, collection: 'categories' | 'tags', ids: readonly (number | null | undefined)[]): Promise<Map<number, TermViewT>> => {
  const wanted = unique(ids)
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: wanted } },
    select: { name: true, slug: true },
    depth: 0,
    limit: wanted.length,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return new Map((docs as (Category | Tag)[]).map((t) => [t.id, { name: t.name, slug: t.slug }]))
}

/** The id of the website's document with this slug that an anonymous reader sees, or null. */
export const findTermId = async (req: PayloadRequest, collection: 'categories' | 'tags' | 'authors', tenant: number, slug: string): Promise<number | null> => {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: slug } }] },
    select: {},
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return docs[0]?.id ?? null
}

/** Published posts and pages of the website among `ids`, as link targets (slug, title, public path). */
export const loadLinkTargets = async (
  req: PayloadRequest,
  tenant: number,
  ids: { posts: readonly number[]; pages: readonly number[] },
): Promise<(collection: ContentCollection, id: number) => LinkTarget | null> => {
  const targets = new Map<string, LinkTarget>()
  for (const collection of ['posts', 'pages'] as const) {
    const wanted = unique(ids[collection])
    if (wanted.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ id: { in: wanted } }, { tenant: { equals: tenant } }, { _status: { equals: 'published' } }] },
      select: collection === 'pages' ? { slug: true, title: true, template: true } : { slug: true, title: true },
      depth: 0,
      limit: wanted.length,
      pagination: false,
      overrideAccess: false,
      req,
    })
    for (const doc of docs as (Pick<Post, 'id' | 'slug' | 'title'> & Partial<Pick<Page, 'template'>>)[]) {
      targets.set(`${collection}:${doc.id}`, { id: doc.id, slug: doc.slug, title: doc.title, path: contentPath(collection, doc) })
    }
  }
  return (collection, id) => targets.get(`${collection}:${id}`) ?? null
}
