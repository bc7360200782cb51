import { type CollectionSlug, type Endpoint, parseParams } from 'payload'

import { actorOf } from '@/access/actor'
import { querySchemaOf } from '@/api/querySchema'
import type { InputProblem } from '@/domain/input/problems'
import { validateSort } from '@/domain/query/validateSort'
import { validateWhere } from '@/domain/query/validateWhere'
import { ClientError, invalidInput } from '@/errors'
import { EXPORT_ROW_CAP, exportCsv } from '@/operations/exportCsv'

const capOf = (raw: unknown): number | InputProblem => {
  if (raw === undefined || raw === '') return EXPORT_ROW_CAP
  const cap = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN
  return cap >= 1 && cap <= EXPORT_ROW_CAP ? cap : { path: 'cap', message: `A whole number from 1 to ${EXPORT_ROW_CAP}.` }
}

/**
 * GET /api/<collection>/export.csv?where…&sort…[&cap=N]: the list as the caller reads it,
 * as a streamed CSV download, for staff (403 for anyone else). `where` and `sort` take
 * the list's syntax and pass the same checks as the list (400 naming each place); the
 * Local API read as the caller skips the operation guard, so the checks run here.
 */
export const exportCsvEndpoint = (collection: CollectionSlug): Endpoint => ({
  path: '/export.csv',
  method: 'get',
  handler: async (req) => {
    if (!actorOf(req)?.staff) throw new ClientError('Exports are for staff.', 403)
    const { where, sort } = parseParams(req.query ?? {})
    const schema = querySchemaOf(req.payload.config)
    const cap = capOf((req.query as Record<string, unknown> | undefined)?.cap)
    const problems: InputProblem[] = [
      ...(where ? validateWhere(schema, collection, where) : []),
      ...(sort && sort.length > 0 ? validateSort(schema, collection, sort) : []),
      ...(typeof cap === 'number' ? [] : [cap]),
    ]
    if (problems.length > 0 || typeof cap !== 'number') throw invalidInput(problems)
    const { stream, truncated, total } = await exportCsv(req, collection, { where, sort, cap })
    const headers = new Headers({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${collection}-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
      'x-export-total': String(total),
    })
    if (truncated) headers.set('x-export-truncated', 'true')
    return new Response(stream, { status: 200, headers })
  },
})
