import type { InputProblem } from '../input/problems'

import { QUERY_LIMITS } from './limits'

export type Paging = { limit?: unknown; page?: unknown; depth?: unknown; pagination?: unknown }

const wholeNumber = (value: unknown, min: number, max: number): boolean => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/**
 * `limit`, `page`, `depth` and `pagination` of an API read. A list is at most
 * `maxPageSize` rows (`limit=0` and `pagination=false` without a limit meant "every
 * row", 100k orders to any reader); `depth` is capped so one request cannot populate
 * the database. `list` is false for single-document reads and writes, where only
 * `depth` applies.
 */
export const validatePaging = (paging: Paging, list: boolean): InputProblem[] => {
  const problems: InputProblem[] = []
  const { maxPageSize, maxPage, maxDepth } = QUERY_LIMITS
  if (paging.depth !== undefined && !wholeNumber(paging.depth, 0, maxDepth)) problems.push({ path: 'depth', message: `A whole number from 0 to ${maxDepth}.` })
  if (!list) return problems
  if (paging.limit !== undefined && !wholeNumber(paging.limit, 1, maxPageSize)) {
    problems.push({ path: 'limit', message: `A whole number from 1 to ${maxPageSize}; page through larger lists (or export them).` })
  }
  if (paging.page !== undefined && !wholeNumber(paging.page, 1, maxPage)) problems.push({ path: 'page', message: `A whole number from 1 to ${maxPage}.` })
  if (paging.pagination !== undefined && paging.pagination !== true && paging.pagination !== false) problems.push({ path: 'pagination', message: 'true or false.' })
  if (paging.pagination === false && paging.limit === undefined) problems.push({ path: 'pagination', message: `pagination=false needs a limit of at most ${maxPageSize}.` })
  return problems
}
