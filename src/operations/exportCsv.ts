import { stringify } from 'csv-stringify/sync'
import { type CollectionSlug, type Field, flattenTopLevelFields, type PayloadRequest, type Sort, type Where } from 'payload'

import { idOf } from '@/access/actor'
import { cellOf, type Column, type ColumnKind, truncationNotice } from '@/domain/export/csvCells'

/** Rows read per query: the list API's largest page. */
const PAGE = 100

/** At most this many rows in one export (the `cap` of a request may only lower it). */
export const EXPORT_ROW_CAP = 10_000

const STRUCTURED = new Set(['group', 'array', 'blocks', 'json', 'richText', 'point'])

const kindOf = (field: Field): ColumnKind | null => {
  if (field.type === 'join' || field.type === 'ui') return null
  if ((field.custom as { money?: unknown } | undefined)?.money === true) return 'money'
  if (field.type === 'relationship' || field.type === 'upload') return 'relationship'
  if (STRUCTURED.has(field.type) || (field.type === 'select' && field.hasMany)) return 'structured'
  return 'plain'
}

/**
 * The columns of `collection` this caller reads: its top-level data fields (those inside
 * rows, collapsibles and unnamed tabs included), less hidden ones and those whose read
 * access refuses the caller. Values still come from reads with the caller's access, so a
 * field refused per document is an empty cell, never its value.
 */
export const exportColumns = async (req: PayloadRequest, collection: CollectionSlug): Promise<Column[]> => {
  const columns: Column[] = [{ name: 'id', kind: 'plain' }]
  for (const field of flattenTopLevelFields(req.payload.collections[collection].config.fields)) {
    const name = 'name' in field ? field.name : undefined
    if (!name || name === 'id' || ('hidden' in field && field.hidden)) continue
    const kind = kindOf(field as Field)
    if (!kind) continue
    const read = 'access' in field ? field.access?.read : undefined
    if (read && !(await read({ req }))) continue
    columns.push({ name, kind })
  }
  return columns
}

export type ExportQuery = { where?: Where; sort?: Sort; cap: number }

export type CsvExport = { stream: ReadableStream<Uint8Array>; truncated: boolean; total: number }

/**
 * A CSV of what the caller's list of `collection` shows for `where` and `sort`, read as
 * the caller (collection and field access apply) a page at a time as the stream is
 * pulled, at most `cap` rows; past it the last line says the export was cut. Money cells
 * are decimal amounts in the row's own currency (its `currency`, else its website's).
 */
export const exportCsv = async (req: PayloadRequest, collection: CollectionSlug, query: ExportQuery): Promise<CsvExport> => {
  const { payload, user } = req
  const asCaller = { overrideAccess: false, user, req } as const
  const columns = await exportColumns(req, collection)
  const { totalDocs: total } = await payload.count({ collection, where: query.where, ...asCaller, overrideAccess: false })
  const truncated = total > query.cap
  const websiteCurrency = new Map<number, string | null>()

  const currencyOf = async (row: Record<string, unknown>): Promise<string | null> => {
    if (typeof row.currency === 'string') return row.currency
    const tenant = idOf(row.tenant as number | { id: number } | null | undefined)
    if (!tenant) return null
    if (!websiteCurrency.has(tenant)) {
      const { docs } = await payload.find({ collection: 'tenants', where: { id: { equals: tenant } }, depth: 0, limit: 1, select: { currency: true }, ...asCaller, overrideAccess: false })
      websiteCurrency.set(tenant, docs[0]?.currency ?? null)
    }
    return websiteCurrency.get(tenant) ?? null
  }

  const encoder = new TextEncoder()
  let page = 1
  let written = 0
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(stringify([columns.map((c) => c.name)]))),
    pull: async (controller) => {
      try {
        const want = Math.min(PAGE, query.cap - written)
        const { docs, hasNextPage } = want > 0 ? await payload.find({ collection, where: query.where, sort: query.sort, limit: PAGE, page, depth: 0, ...asCaller, overrideAccess: false }) : { docs: [], hasNextPage: false }
        const rows: string[][] = []
        for (const doc of docs.slice(0, want) as unknown as Record<string, unknown>[]) {
          const currency = columns.some((c) => c.kind === 'money') ? await currencyOf(doc) : null
          rows.push(columns.map((c) => cellOf(c, doc[c.name], currency)))
        }
        written += rows.length
        page += 1
        if (rows.length) controller.enqueue(encoder.encode(stringify(rows)))
        if (written >= query.cap || !hasNextPage) {
          if (truncated) controller.enqueue(encoder.encode(stringify([[truncationNotice(query.cap, total)]])))
          controller.close()
        }
      } catch (error) {
        payload.logger.error({ err: error, collection, page }, 'CSV export failed part way; the download ends with an error')
        controller.error(error)
      }
    },
  })
  return { stream, truncated, total }
}
