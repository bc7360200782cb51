import type { Payload } from 'payload'

/** A Lexical editor state of plain paragraphs, as the admin's editor saves it. */
export const lexicalBody = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      textStyle: '',
      children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
    })),
  },
})

let counter = 0
/** A slug no seeded or earlier document has. */
export const uniqueSlug = (base: string) => `${base}-${Date.now().toString(36)}-${++counter}`

/** An author of the website, shown publicly, for posts' required primary author. */
export const authorOf = async (payload: Payload, tenant: number, name = 'Ada Writer') =>
  (await payload.create({ collection: 'authors', data: { tenant, name, slug: uniqueSlug('author'), showPublicly: true }, depth: 0, overrideAccess: true })).id

type PostInput = { tenant: number; author: number; title: string; text?: string; excerpt?: string; slug?: string; publishedAt?: string; category?: number }

/** A post saved as the admin does: `published` goes through the pre-publish checks, `draft` never reaches the main table as published. */
export const savePost = async (payload: Payload, input: PostInput, status: 'published' | 'draft') =>
  payload.create({
    collection: 'posts',
    data: {
      tenant: input.tenant,
      title: input.title,
      slug: input.slug ?? uniqueSlug('post'),
      excerpt: input.excerpt,
      body: lexicalBody(input.text ?? `${input.title}.`) as never,
      primaryAuthor: input.author,
      category: input.category,
      publishedAt: input.publishedAt,
      _status: status,
    },
    draft: status === 'draft',
    depth: 0,
    overrideAccess: true,
  })

type PageInput = { tenant: number; title: string; text?: string; summary?: string; slug?: string; template?: 'standard' | 'essay' | 'static' | 'landing' }

export const savePage = async (payload: Payload, input: PageInput, status: 'published' | 'draft') =>
  payload.create({
    collection: 'pages',
    data: {
      tenant: input.tenant,
      title: input.title,
      slug: input.slug ?? uniqueSlug('page'),
      template: input.template ?? 'standard',
      summary: input.summary,
      body: lexicalBody(input.text ?? `${input.title}.`) as never,
      _status: status,
    },
    draft: status === 'draft',
    depth: 0,
    overrideAccess: true,
  })

/** A change saved as a draft over a published document: Payload keeps it in the versions table only. */
export const saveDraftChange = async (payload: Payload, collection: 'posts' | 'pages', id: number, data: Record<string, unknown>) =>
  payload.update({ collection, id, data: { ...data, _status: 'draft' } as never, draft: true, depth: 0, overrideAccess: true })
