import type { InputProblem } from '../input/problems'

import { QUERY_LIMITS } from './limits'
import { type QuerySchema, resolvePath } from './schema'

/**
 * Checks a `sort` (a field name, `-` for descending, several comma-separated or as a
 * list) against the collection's own fields. Sorting never crosses a relationship:
 * ordering one's orders by `client.email` would read, one comparison at a time, what the
 * related collection's access rules hide.
 */
export const validateSort = (schema: QuerySchema, collection: string, sort: unknown): InputProblem[] => {
  const items = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : null
  if (!items || items.some((item) => typeof item !== 'string')) return [{ path: 'sort', message: 'Must be a field name, or several separated by commas.' }]
  if (items.length > QUERY_LIMITS.maxSortFields) return [{ path: 'sort', message: `At most ${QUERY_LIMITS.maxSortFields} fields.` }]
  const problems: InputProblem[] = []
  for (const raw of items as string[]) {
    const path = raw.trim().replace(/^-/, '')
    if (!path) {
      problems.push({ path: 'sort', message: 'An empty field name.' })
      continue
    }
    const resolved = resolvePath(schema, collection, path, 0)
    if ('error' in resolved) problems.push({ path: `sort.${path}`, message: resolved.error })
    else if (resolved.node.kind === 'json' || ('hasMany' in resolved.node && resolved.node.hasMany)) {
      problems.push({ path: `sort.${path}`, message: `${path} holds several values and cannot be sorted by.` })
    }
  }
  return problems
}
