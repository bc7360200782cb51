import type { PayloadRequest, Where } from 'payload'

import { idOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import type { ContentCollection } from '@/domain/content/paths'
import { SCHEDULE_PUBLISH_TASK } from '@/jobs/contentSchedules'

import { QUEUE_LIMIT } from './qaQueue'
import type { DashboardScope } from './scope'

/** The collections content editors publish, with drafts and scheduling. */
export const CONTENT_COLLECTIONS = ['posts', 'pages'] as const satisfies readonly ContentCollection[]

/** How long a failed scheduled publish stays on the dashboard: long enough to be noticed and fixed. */
const FAILED_SHOWN_DAYS = 7
const DAY_MS = 24 * 3600 * 1000

type Row = { id: number; title?: string | null; tenant?: number | { id: number } | null; updatedAt: string }

const itemOf = (collection: ContentCollection, doc: Row) => ({
  id: doc.id,
  collection,
  title: doc.title ?? '',
  website: idOf(doc.tenant ?? null),
  updatedAt: doc.updatedAt,
  link: `/admin/collections/${collection}/${doc.id}`,
})
type ContentItem = ReturnType<typeof itemOf>

/**
 * Posts or pages as the caller may read them (their latest version with `draft`), of the
 * scope's websites: access decides, the website list only narrows.
 */
const readAs = async (req: PayloadRequest, collection: ContentCollection, websites: number[], where: Where, draft: boolean, limit = QUEUE_LIMIT) =>
  req.payload.find({
    collection,
    draft,
    where: { and: [{ tenant: { in: websites } }, where] },
    sort: '-updatedAt',
    limit,
    depth: 0,
    select: { title: true, tenant: true, updatedAt: true, warningCount: true },
    overrideAccess: false,
    user: req.user,
    req,
  })

const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) => b.updatedAt.localeCompare(a.updatedAt)

/**
 * Documents whose latest version is a draft: never published, or published with changes
 * not yet published (`live` says which). Autosave makes every edit such a draft.
 */
const drafts = async (req: PayloadRequest, websites: number[]) => {
  let count = 0
  const items: (ContentItem & { live: boolean })[] = []
  for (const collection of CONTENT_COLLECTIONS) {
    const found = await readAs(req, collection, websites, { _status: { equals: 'draft' } }, true)
    count += found.totalDocs
    const ids = found.docs.map((d) => d.id)
    const live = ids.length
      ? new Set((await readAs(req, collection, websites, { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }, false, ids.length)).docs.map((d) => d.id))
      : new Set<number>()
    items.push(...found.docs.map((doc) => ({ ...itemOf(collection, doc as Row), live: live.has(doc.id) })))
  }
  return { count, items: items.sort(newestFirst).slice(0, QUEUE_LIMIT) }
}

const tableOf = (collection: ContentCollection) => (collection === 'posts' ? sql`posts` : sql`pages`)

/** Published documents the pre-publish checks warned about (no internal link, no primary service…). */
const withWarnings = async (req: PayloadRequest, websites: number[]) => {
  let count = 0
  const items: (ContentItem & { warningCount: number })[] = []
  for (const collection of CONTENT_COLLECTIONS) {
    const found = await readAs(req, collection, websites, { and: [{ _status: { equals: 'published' } }, { warningCount: { greater_than: 0 } }] }, false)
    count += found.totalDocs
    items.push(...found.docs.map((doc) => ({ ...itemOf(collection, doc as Row), warningCount: Number((doc as { warningCount?: number | null }).warningCount ?? 0) })))
  }
  return { count, items: items.sort(newestFirst).slice(0, QUEUE_LIMIT) }
}

type JobRow = { id: number; type: string | null; collection: ContentCollection; doc: string; wait_until: string | Date | null; has_error: boolean; error: string | null; total: number }

/**
 * Pending scheduled publishes and unpublishes of the scope's posts and pages, soonest
 * first, and the ones that failed in the last days (their error, e.g. a pre-publish
 * blocker). Payload's job rows are platform plumbing nobody reads over the API, so they
 * are read here in SQL, narrowed to the scope's websites, and each is shown only when the
 * caller can read its document.
 */
const scheduled = async (req: PayloadRequest, websites: number[], now: Date) => {
  const docsOf = (collection: ContentCollection) => sql`SELECT id::text FROM ${tableOf(collection)} WHERE tenant_id IN ${websites}`
  const rows = await execute<JobRow>(
    req,
    sql`SELECT j.id, j.input->>'type' AS type, j.input->'doc'->>'relationTo' AS collection, j.input->'doc'->>'value' AS doc,
          j.wait_until, j.has_error, j.error->>'message' AS error, count(*) OVER ()::int AS total
        FROM payload_jobs j
        WHERE j.task_slug = ${SCHEDULE_PUBLISH_TASK} AND j.completed_at IS NULL
          AND (j.has_error = false OR j.wait_until >= ${new Date(now.getTime() - FAILED_SHOWN_DAYS * DAY_MS).toISOString()})
          AND ((j.input->'doc'->>'relationTo' = 'posts' AND j.input->'doc'->>'value' IN (${docsOf('posts')}))
            OR (j.input->'doc'->>'relationTo' = 'pages' AND j.input->'doc'->>'value' IN (${docsOf('pages')})))
        ORDER BY j.has_error DESC, j.wait_until ASC NULLS FIRST
        LIMIT ${QUEUE_LIMIT}`,
  )
  const visible = new Map<string, ContentItem>()
  for (const collection of CONTENT_COLLECTIONS) {
    const ids = rows.filter((r) => r.collection === collection).map((r) => Number(r.doc))
    if (ids.length === 0) continue
    const found = await readAs(req, collection, websites, { id: { in: ids } }, true, ids.length)
    for (const doc of found.docs) visible.set(`${collection}:${doc.id}`, itemOf(collection, doc as Row))
  }
  const items = rows.flatMap((row) => {
    const item = visible.get(`${row.collection}:${Number(row.doc)}`)
    if (!item) return []
    return [{ ...item, job: Number(row.id), action: row.type === 'unpublish' ? ('unpublish' as const) : ('publish' as const), at: row.wait_until ? new Date(row.wait_until).toISOString() : null, error: row.has_error ? (row.error ?? 'failed') : null }]
  })
  return { count: rows.length === items.length ? (rows[0]?.total ?? 0) : items.length, items }
}

/**
 * The content editor's part of the dashboard (admins and superadmins too): drafts,
 * scheduled publishing and published documents with warnings, over the scope's websites,
 * each linking to its edit page.
 */
export const contentWork = async (req: PayloadRequest, { websites }: DashboardScope, now: Date) => {
  const ids = websites.map((w) => w.id)
  if (ids.length === 0) return { drafts: { count: 0, items: [] }, scheduled: { count: 0, items: [] }, warnings: { count: 0, items: [] } }
  return { drafts: await drafts(req, ids), scheduled: await scheduled(req, ids, now), warnings: await withWarnings(req, ids) }
}
