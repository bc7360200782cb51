import { type CollectionSlug, type Endpoint, parseParams } from 'payload'
import { z } from 'zod'

import { actorOf } from '@/access/actor'
import { documented } from '@/api/openapi/describe'
import { querySchemaOf } from '@/api/querySchema'
import type { InputProblem } from '@/domain/input/problems'
import { validateSort } from '@/domain/query/validateSort'
import { validateWhere } from '@/domain/query/validateWhere'
import { ClientError, invalidInput } from '@/errors'
import { EXPORT_ROW_CAP, exportCsv } from '@/operations/exportCsv'

const CAP = `A whole number from 1 to ${EXPORT_ROW_CAP}.`

/**
 * The export's query: the list's `where` and `sort` (checked against the collection
 * below, as the list checks them) and `cap`. Other list parameters are ignored.
 */
const exportQuery = z.object({
  where: z
    .union([z.record(z.string(), z.unknown()), z.string()])
    .optional()
    .describe('The list’s filter: `where[status][equals]=paid`, or the same as JSON. Fields and operators are the collection’s own; over 6 levels, 100 conditions or 500 values is a 400.'),
  sort: z.union([z.string(), z.array(z.string())]).optional().describe('A field of the collection, `-` first for descending; several comma-separated.'),
  cap: z
    .union([z.literal(''), z.string().regex(/^\d{1,6}$/, CAP).transform(Number).pipe(z.number().min(1, CAP).max(EXPORT_ROW_CAP, CAP))], { error: CAP })
    .optional()
    .describe(`At most this many rows (default and largest: ${EXPORT_ROW_CAP}).`),
})

/**
 * GET /api/<collection>/export.csv?where…&sort…[&cap=N]: the list as the caller reads it,
 * as a streamed CSV download, for staff (403 for anyone else). `where` and `sort` take
 * the list's syntax and pass the same checks as the list (400 naming each place); the
 * Local API read as the caller skips the operation guard, so the checks run here.
 */
export const exportCsvEndpoint = (collection: CollectionSlug): Endpoint =>
  documented(
    {
      path: '/export.csv',
      method: 'get',
      handler: async (req) => {
        if (!actorOf(req)?.staff) throw new ClientError('Exports are for staff.', 403)
        const query = exportQuery.safeParse(req.query ?? {})
        const { where, sort } = parseParams(req.query ?? {})
        const schema = querySchemaOf(req.payload.config)
        const problems: InputProblem[] = [
          ...(where ? validateWhere(schema, collection, where) : []),
          ...(sort && sort.length > 0 ? validateSort(schema, collection, sort) : []),
          ...(query.success ? [] : query.error.issues.map((issue) => ({ path: issue.path.join('.') || 'query', message: issue.message }))),
        ]
        if (problems.length > 0 || !query.success) throw invalidInput(problems)
        const { stream, truncated, total } = await exportCsv(req, collection, { where, sort, cap: query.data.cap || EXPORT_ROW_CAP })
        const headers = new Headers({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${collection}-${new Date().toISOString().slice(0, 10)}.csv"`,
          'cache-control': 'no-store',
          'x-export-total': String(total),
        })
        if (truncated) headers.set('x-export-truncated', 'true')
        return new Response(stream, { status: 200, headers })
      },
    },
    {
      summary: 'Export the list as CSV',
      description: [
        'For staff: the list as the caller reads it, streamed as CSV, with the list’s filter and sort and their checks. Collection and field read access apply: the columns are the top-level fields the caller reads, relationships as ids; money is a decimal amount in each row’s currency.',
        `At most ${EXPORT_ROW_CAP} rows (\`cap\` may lower it): past it the last line says the export was cut and the \`X-Export-Truncated: true\` header is set; \`X-Export-Total\` always says how many rows match.`,
        '**403** for anyone but staff, **400** naming each bad place of `where`, `sort` or `cap`.',
      ].join('\n\n'),
      auth: 'required',
      query: exportQuery,
      responses: { 200: { contentType: 'text/csv', description: 'The rows, a header line first; an attachment named after the collection and the day.' } },
      errors: [400, 401, 403],
    },
  )
