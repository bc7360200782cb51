import type { Payload } from 'payload'

import { slugify } from '@/domain/content/slug'
import { paragraph, richText, type Inline } from '@/seed/contentLexical'

/**
 * Content documents for tests, written through the Local API as the server (the content
 * editor's rules are what the tests then probe over REST and GraphQL).
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

export const body = (...parts: Inline[]) => richText(paragraph(...parts)) as never

/** The website's first author (the seed gives each three). */
export const authorOf = async (payload: Payload, tenant: number): Promise<number> => {
  const { docs } = await payload.find({ collection: 'authors', where: { tenant: { equals: tenant } }, sort: 'id', limit: 1, depth: 0 })
  if (docs[0]) return docs[0].id
  const name = `Fixture author ${unique()}`
  return (await payload.create({ collection: 'authors', data: { tenant, name, slug: slugify(name) }, depth: 0 })).id
}

/** Saves a post or page as a draft, or published; one way for both. */
const save = async (payload: Payload, collection: 'posts' | 'pages', data: Record<string, unknown>, status: 'draft' | 'published' = 'published'): Promise<{ id: number; slug: string }> =>
  status === 'draft'
    ? payload.create({ collection, data: { ...data, _status: 'draft' } as never, draft: true, depth: 0 })
    : payload.create({ collection, data: { ...data, _status: 'published' } as never, depth: 0 })

type PostInput = { title?: string; slug?: string; text?: string; links?: Inline[]; primaryService?: number | null; status?: 'draft' | 'published' }

/** A post of the website: published unless `status: 'draft'`. */
export const postOf = async (payload: Payload, tenant: number, input: PostInput = {}) => {
  const title = input.title ?? `Fixture post ${unique()}`
  const data = {
    tenant,
    title,
    slug: input.slug ?? slugify(title),
    body: body(input.text ?? 'A fixture post.', ...(input.links ?? [])),
    primaryAuthor: await authorOf(payload, tenant),
    primaryService: input.primaryService ?? undefined,
    meta: { description: 'A fixture post.' },
  }
  return save(payload, 'posts', data, input.status)
}

type PageInput = { title?: string; slug?: string; text?: string; template?: 'standard' | 'essay' | 'static'; status?: 'draft' | 'published' }

/** A page of the website: published unless `status: 'draft'`. */
export const pageOf = async (payload: Payload, tenant: number, input: PageInput = {}) => {
  const title = input.title ?? `Fixture page ${unique()}`
  const data = {
    tenant,
    title,
    slug: input.slug ?? slugify(title),
    template: input.template ?? 'essay',
    body: body(input.text ?? 'A fixture page.'),
    meta: { description: 'A fixture page.' },
  }
  return save(payload, 'pages', data, input.status)
}

export const namedOf = async (payload: Payload, collection: 'authors' | 'categories' | 'tags', tenant: number): Promise<number> => {
  const name = `Fixture ${collection} ${unique()}`
  return (await payload.create({ collection: collection as 'tags', data: { tenant, name, slug: slugify(name) }, depth: 0 })).id
}
