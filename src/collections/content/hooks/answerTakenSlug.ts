import { type AfterErrorHook, ValidationError } from 'payload'

import { SLUG_TAKEN_MESSAGE } from '@/domain/content/slug'

/** The path Payload's adapter names for a violated (tenant, slug) index: its columns. */
const COMPOUND_SLUG = /^tenant(_id)?, ?slug$/

/**
 * Two saves racing for one slug pass `guardSlug` together and the compound unique index
 * refuses the second; Payload reports that as a 400 on the path "tenant_id, slug". Answer
 * it as `guardSlug` would, naming `slug`.
 */
export const answerTakenSlug: AfterErrorHook = ({ error, collection, graphqlResult }) => {
  if (!(error instanceof ValidationError)) return
  const errors = (error.data as { errors?: { path?: string }[] } | undefined)?.errors ?? []
  if (!errors.some((e) => typeof e.path === 'string' && COMPOUND_SLUG.test(e.path))) return
  const data = { collection: collection?.slug, errors: [{ path: 'slug', message: SLUG_TAKEN_MESSAGE }] }
  const message = 'The following field is invalid: slug'
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, name: 'ValidationError', statusCode: 400, data } } }
  return { response: { errors: [{ name: 'ValidationError', message, data }] }, status: 400 }
}
