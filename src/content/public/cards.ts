import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { canonicalUrl, contentPath } from '@/domain/content/paths'
import type { MediaView } from '@/domain/content/render/body'
import type { Post, Tenant } from '@/payload-types'

import { type LoadedAuthor, loadAuthors, loadMedia, loadTerms } from './relations'
import type { AuthorViewT, PostCardT } from './schemas'

/** The fields of a post a card shows: `select` for lists, part of it for a full post. */
export const CARD_SELECT = {
  title: true,
  slug: true,
  excerpt: true,
  featuredImage: true,
  primaryAuthor: true,
  contributors: true,
  category: true,
  tags: true,
  publishedAt: true,
  readingTime: true,
  wordCount: true,
  updatedAt: true,
} as const

export type CardDoc = Pick<Post, 'id' | keyof typeof CARD_SELECT>

/** The related documents of some posts, each loaded once for all of them. */
export type CardRelations = {
  authors: Map<number, LoadedAuthor>
  categories: Map<number, { name: string; slug: string }>
  tags: Map<number, { name: string; slug: string }>
  media: Map<number, MediaView>
}

const authorIds = (doc: CardDoc) => [idOf(doc.primaryAuthor), ...(doc.contributors ?? []).map(idOf)]

/**
 * Authors, categories and tags of `docs` (one query each), then every image they need and
 * `moreMedia` (a full post's body images, its SEO image) in one media query.
 */
export const loadCardRelations = async (req: PayloadRequest, docs: readonly CardDoc[], moreMedia: readonly (number | null)[] = []): Promise<CardRelations> => {
  const [authors, categories, tags] = await Promise.all([
    loadAuthors(req, docs.flatMap(authorIds)),
    loadTerms(req, 'categories', docs.map((d) => idOf(d.category))),
    loadTerms(req, 'tags', docs.flatMap((d) => (d.tags ?? []).map(idOf))),
  ])
  const media = await loadMedia(req, [...docs.map((d) => idOf(d.featuredImage)), ...[...authors.values()].map((a) => a.photo), ...moreMedia])
  return { authors, categories, tags, media }
}

const authorView = (loaded: LoadedAuthor | undefined, media: Map<number, MediaView>): AuthorViewT | null =>
  loaded ? { ...loaded.view, photo: loaded.photo === null ? null : (media.get(loaded.photo) ?? null) } : null

const present = <T>(value: T | null): value is T => value !== null

/** A post as a list shows it; related documents the reader may not see are left out. */
export const postCard = (doc: CardDoc, website: Tenant, rel: CardRelations): PostCardT => {
  const featured = idOf(doc.featuredImage)
  const category = idOf(doc.category)
  const primary = idOf(doc.primaryAuthor)
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    excerpt: doc.excerpt ?? null,
    path: contentPath('posts', doc),
    url: canonicalUrl(website, 'posts', doc),
    publishedAt: doc.publishedAt ?? null,
    updatedAt: doc.updatedAt,
    readingTime: doc.readingTime ?? null,
    wordCount: doc.wordCount ?? null,
    featuredImage: featured === null ? null : (rel.media.get(featured) ?? null),
    primaryAuthor: primary === null ? null : authorView(rel.authors.get(primary), rel.media),
    contributors: (doc.contributors ?? [])
      .map(idOf)
      .filter((id): id is number => id !== null && id !== primary)
      .map((id) => authorView(rel.authors.get(id), rel.media))
      .filter(present),
    category: category === null ? null : (rel.categories.get(category) ?? null),
    tags: (doc.tags ?? [])
      .map(idOf)
      .map((id) => (id === null ? null : (rel.tags.get(id) ?? null)))
      .filter(present),
  }
}
