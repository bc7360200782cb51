import { internalLinkCount, lexicalIsEmpty, type LexicalState } from './lexical'

export type ContentProblem = { field: string; message: string }
export type PrepublishProblems = { blockers: ContentProblem[]; warnings: ContentProblem[] }

/** What the checks read of a post or page (the merged document about to be saved). */
export type PrepublishDoc = {
  title?: string | null
  slug?: string | null
  body?: LexicalState
  primaryAuthor?: unknown
  primaryService?: unknown
  meta?: { description?: string | null } | null
}

const blank = (value: string | null | undefined): boolean => typeof value !== 'string' || value.trim() === ''

/**
 * Blockers refuse publishing (the document would be broken on the site); warnings are
 * saved with it and shown to the editor (it publishes, but sells or ranks worse).
 */
export const prepublishProblems = (collection: 'posts' | 'pages', doc: PrepublishDoc): PrepublishProblems => {
  const blockers: ContentProblem[] = []
  const warnings: ContentProblem[] = []
  if (blank(doc.title)) blockers.push({ field: 'title', message: 'A title is required to publish.' })
  if (blank(doc.slug)) blockers.push({ field: 'slug', message: 'A slug is required to publish.' })
  if (lexicalIsEmpty(doc.body)) blockers.push({ field: 'body', message: 'The body is empty; write something before publishing.' })
  if (collection === 'posts' && doc.primaryAuthor == null) blockers.push({ field: 'primaryAuthor', message: 'A post needs a primary author to be published.' })

  if (collection === 'posts' && doc.primaryService == null)
    warnings.push({ field: 'primaryService', message: 'No primary service: the post does not lead readers to a service page.' })
  if (internalLinkCount(doc.body) < 1)
    warnings.push({ field: 'body', message: 'No internal link: link at least one other post or page.' })
  if (blank(doc.meta?.description)) warnings.push({ field: 'meta.description', message: 'No meta description: search engines will pick their own snippet.' })
  return { blockers, warnings }
}
