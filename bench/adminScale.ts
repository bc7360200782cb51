/**
 * Admin list views at scale (the capacity issue): each default view of the admin's Orders
 * list and its common filters and searches, on the big website of the bench dataset
 * against the same view on an (almost) empty website of the same database, must take
 * at most 1.5× as long.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<copy of scriptorium_bench> \
 *     npx tsx --conditions=development bench/adminScale.ts [--runs 30] [--sql] [--explain] [--only name,…]
 *
 * Run it on a copy of the dataset (`CREATE DATABASE … TEMPLATE scriptorium_bench`), never
 * on the dataset itself: the empty website (slug `empty`, one admin, one client and 27
 * orders: a page for each view, copied from the big website's latest) is added to the
 * database when missing.
 *
 * Each view is the `payload.find` the admin's list view (@payloadcms/next renderListView)
 * makes: the multi-tenant plugin's base filter for the selected website (its
 * `payload-tenant` cookie) and the search box's `or` of `like` over
 * `admin.listSearchableFields` (payload/shared mergeListSearchAndWhere) on top of the
 * view's `where`; depth 0, draft, lock status, limit 10 (the admin's default), as the
 * website's admin (`overrideAccess: false`). Payload counts the matches and reads the page
 * (a filter through a relationship first selects the page's ids): every statement is timed. Per view: the median of `--runs` warm runs (big and empty alternate);
 * `--sql` prints each statement with its values, `--explain` an EXPLAIN (ANALYZE, BUFFERS)
 * of each on the big website. Exits 1 when a view is over 1.5×.
 */
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import { createLocalReq, type Payload, type Sort, type Where } from 'payload'
import { mergeListSearchAndWhere } from 'payload/shared'
import pg from 'pg'

import { asSystem, systemProof } from '@/access/system'
import { logStatements } from '@/db/statementLog'
import type { User } from '@/payload-types'
import { databaseName } from '@/server/database'

import { DATASET, say } from './config'

const MAX_RATIO = 1.5
/** The big website (the demo's first, the largest of the dataset's) and the empty one this script adds. */
const BIG_SLUG = 'alpha'
const EMPTY_SLUG = 'empty'
/** The admin's page size. The empty website gets a page of orders for each view, so that both websites render full pages. */
const PAGE = 10
/** Unmeasured rounds of every view on both websites first (JIT, caches), then per view. */
const WARMUP_ALL = 10
const WARMUP = 5

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    sql: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
const RUNS = Math.max(20, Number(flags.runs) || 30)

const url = process.env.DATABASE_URL
if (!url) throw new Error('DATABASE_URL must name a copy of the bench dataset')
if (databaseName(url) === (process.env.BENCH_DATASET_DB || 'scriptorium_bench')) {
  throw new Error('bench/adminScale.ts adds a website: run it on a copy of the dataset (CREATE DATABASE … TEMPLATE scriptorium_bench)')
}
process.env.LOG_LEVEL ??= 'warn'

type Website = { slug: string; tenantId: number; adminId: number; orderNumber: string; orderTopic: string; clientEmail: string }

/** The empty website: a tenant, its admin and client, and a page of orders copied from the big website's latest. */
const ensureEmptyWebsite = async (client: pg.Client) => {
  const { rowCount } = await client.query('SELECT 1 FROM tenants WHERE slug = $1', [EMPTY_SLUG])
  if (rowCount) return
  await client.query('BEGIN')
  const { rows: tenant } = await client.query<{ id: number }>(
    `INSERT INTO tenants (name, slug, currency, branding_brand_name, branding_primary_color, branding_support_email, branding_mail_from_name, branding_mail_from_address)
     VALUES ('Empty Writers', $1, 'USD', 'Empty Writers', '#204060', $2, 'Empty Writers', $3) RETURNING id`,
    [EMPTY_SLUG, `support@${EMPTY_SLUG}.test`, `no-reply@${EMPTY_SLUG}.test`],
  )
  const tenantId = tenant[0]!.id
  const { rows: bigTenant } = await client.query<{ id: number }>('SELECT id FROM tenants WHERE slug = $1', [BIG_SLUG])
  const bigId = bigTenant[0]!.id
  const people: Record<'admin' | 'client', number> = { admin: 0, client: 0 }
  for (const role of ['admin', 'client'] as const) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (name, email, salt, hash) SELECT $1, $2, salt, hash FROM users WHERE email = $3 RETURNING id`,
      [`${EMPTY_SLUG} ${role}`, `${role}-00001@${EMPTY_SLUG}.bench.test`, `admin-00001@${BIG_SLUG}.bench.test`],
    )
    const id = rows[0]!.id
    people[role] = id
    await client.query(`INSERT INTO users_roles ("order", parent_id, value) VALUES (1, $1, $2)`, [id, role])
    await client.query('INSERT INTO users_tenants (_order, _parent_id, id, tenant_id) VALUES (1, $1, $2, $3)', [id, `bu${id.toString(16).padStart(22, '0')}`, tenantId])
  }
  // A page of orders for each view: the big website's latest, its latest in progress and its latest on CRISPR, renumbered onto the empty one.
  await client.query(
    `CREATE TEMP TABLE empty_orders ON COMMIT DROP AS SELECT * FROM orders WHERE id IN (
       (SELECT id FROM orders WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2)
       UNION (SELECT id FROM orders WHERE tenant_id = $1 AND status = 'in_progress' ORDER BY created_at DESC LIMIT $2)
       UNION (SELECT id FROM orders WHERE tenant_id = $1 AND topic ILIKE '%CRISPR%' ORDER BY created_at DESC LIMIT $2))`,
    [bigId, PAGE],
  )
  await client.query(
    `UPDATE empty_orders SET id = nextval('orders_id_seq'), tenant_id = $1, client_id = $2, writer_id = NULL, pending_writer_id = NULL, editor_id = NULL, preferred_writer_id = NULL,
       number = $3 || '-' || right(number, 5)`,
    [tenantId, people.client, EMPTY_SLUG.toUpperCase()],
  )
  await client.query('INSERT INTO orders SELECT * FROM empty_orders')
  await client.query('COMMIT')
  await client.query('ANALYZE tenants; ANALYZE users; ANALYZE users_roles; ANALYZE users_tenants; ANALYZE orders')
}

/** A website's admin, its middle order's number and topic, and one of its clients' email. */
const websiteOf = async (client: pg.Client, slug: string): Promise<Website> => {
  const { rows } = await client.query<Website>(
    `SELECT t.slug, t.id AS "tenantId",
       (SELECT min(u.id) FROM users u JOIN users_roles r ON r.parent_id = u.id AND r.value = 'admin' JOIN users_tenants ut ON ut._parent_id = u.id AND ut.tenant_id = t.id) AS "adminId",
       middle.number AS "orderNumber", middle.topic AS "orderTopic",
       (SELECT u.email FROM orders o JOIN users u ON u.id = o.client_id WHERE o.tenant_id = t.id ORDER BY o.number LIMIT 1) AS "clientEmail"
     FROM tenants t
     LEFT JOIN LATERAL (SELECT number, topic FROM orders WHERE tenant_id = t.id ORDER BY number OFFSET (SELECT count(*) / 2 FROM orders WHERE tenant_id = t.id) LIMIT 1) middle ON true
     WHERE t.slug = $1`,
    [slug],
  )
  const website = rows[0]
  if (!website?.adminId || !website.orderNumber) throw new Error(`website ${slug}: no admin or no orders`)
  return website
}

type View = {
  name: string
  /** The view's own filter (the admin's where builder or URL), before the base filter and the search. */
  where?: (site: Website) => Where
  sort?: Sort
  /** What is typed in the search box. */
  search?: (site: Website) => string
}

const VIEWS: View[] = [
  { name: 'default (-createdAt)' },
  { name: 'status=in_progress', where: () => ({ status: { equals: 'in_progress' } }) },
  { name: 'sort -total', sort: '-total' },
  { name: 'sort total', sort: 'total' },
  { name: 'status=in_progress sort -total', where: () => ({ status: { equals: 'in_progress' } }), sort: '-total' },
  { name: 'status=in_progress sort total', where: () => ({ status: { equals: 'in_progress' } }), sort: 'total' },
  { name: 'search order number', search: (site) => site.orderNumber },
  // One of the dataset's twelve topics: a word that matches one order in twelve.
  { name: 'search topic word', search: () => 'CRISPR' },
  // One order's whole topic ("Urban heat islands (5137)"): each word must match.
  { name: 'search topic phrase', search: (site) => site.orderTopic },
  // The client's email is not in the search box (listSearchableFields: number, topic):
  // the list's filter on it (a REST or list URL `where[client.email][like]=…`) joins users.
  // Adding 'client.email' to listSearchableFields would OR an ILIKE on the joined users
  // with those on orders, which no index serves (every order of the website is joined).
  { name: 'client.email like', where: (site) => ({ 'client.email': { like: site.clientEmail } }) },
]

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const main = async () => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let payload: Payload | null = null
  try {
    await ensureEmptyWebsite(client)
    const big = await websiteOf(client, BIG_SLUG)
    const empty = await websiteOf(client, EMPTY_SLUG)
    const { rows: counts } = await client.query<{ big: number; empty: number; all: number }>(
      'SELECT count(*) FILTER (WHERE tenant_id = $1)::int AS big, count(*) FILTER (WHERE tenant_id = $2)::int AS empty, count(*)::int AS all FROM orders',
      [big.tenantId, empty.tenantId],
    )
    say(`orders: ${counts[0]!.all} (dataset ${DATASET.orders}); big website ${big.slug}: ${counts[0]!.big}, empty website ${empty.slug}: ${counts[0]!.empty}`)

    const { closePayload, openPayload, poolOf } = await import('@/server/boot')
    payload = await openPayload()
    const pool = poolOf(payload)
    if (!pool) throw new Error('Payload has no node-postgres pool')
    let captured: { text: string; values: unknown[] | undefined }[] | null = null
    logStatements(pool, { onStatement: (text, values) => captured?.push({ text, values }) })

    const orders = payload.collections.orders.config
    const baseFilter = orders.admin.baseFilter ?? orders.admin.baseListFilter
    const proof = systemProof('bench: the admins whose list views are measured')
    const admins = new Map<number, User>()
    for (const site of [big, empty]) {
      admins.set(site.tenantId, await payload.findByID({ ...asSystem(proof), collection: 'users', id: site.adminId, depth: 0 }))
    }

    /** The list view's find, as renderListView makes it for the website's admin with the website selected. */
    const listView = async (view: View, site: Website) => {
      const user = { ...admins.get(site.tenantId)!, collection: 'users' as const }
      // A request of its own each time, as each page load is: the selected website in its cookie.
      const req = await createLocalReq({ req: { headers: new Headers({ cookie: `payload-tenant=${site.tenantId}` }) }, user }, payload!)
      const baseConstraint = await baseFilter?.({ limit: PAGE, page: 1, req, sort: (view.sort as string) ?? '' })
      const viewWhere = view.where?.(site)
      const and = [viewWhere, baseConstraint].filter((w): w is Where => Boolean(w && Object.keys(w).length))
      const where = mergeListSearchAndWhere({ collectionConfig: orders, search: view.search?.(site) ?? '', where: and.length > 1 ? { and } : (and[0] ?? {}) })
      return payload!.find({
        collection: 'orders',
        depth: 0,
        draft: true,
        includeLockStatus: true,
        limit: PAGE,
        overrideAccess: false,
        page: 1,
        req,
        sort: view.sort,
        user,
        where,
      })
    }

    const views = flags.only ? VIEWS.filter((v) => flags.only!.split(',').some((name) => v.name.includes(name.trim()))) : VIEWS
    for (let i = 0; i < WARMUP_ALL; i++) for (const view of views) for (const site of [big, empty]) await listView(view, site)
    const results: { name: string; big: number; empty: number; ratio: number; bigDocs: number; emptyDocs: number; statements: number }[] = []
    for (const view of views) {
      captured = []
      const first = await listView(view, big)
      const statements = captured
      captured = null
      const firstEmpty = await listView(view, empty)
      if (flags.sql || flags.explain) {
        say(`\n== ${view.name} (${big.slug}: ${first.totalDocs} docs)`)
        for (const statement of statements) {
          say(`-- ${statement.text}${statement.values?.length ? `\n   values ${JSON.stringify(statement.values)}` : ''}`)
          if (flags.explain) {
            const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values as unknown[])
            say(rows.map((r) => `   ${r['QUERY PLAN']}`).join('\n'))
          }
        }
      }
      for (let i = 0; i < WARMUP; i++) {
        await listView(view, big)
        await listView(view, empty)
      }
      const times = { big: [] as number[], empty: [] as number[] }
      for (let i = 0; i < RUNS; i++) {
        for (const site of i % 2 ? [empty, big] : [big, empty]) {
          const started = performance.now()
          await listView(view, site)
          times[site === big ? 'big' : 'empty'].push(performance.now() - started)
        }
      }
      const b = median(times.big)
      const e = median(times.empty)
      results.push({ name: view.name, big: b, empty: e, ratio: b / e, bigDocs: first.totalDocs, emptyDocs: firstEmpty.totalDocs, statements: statements.length })
    }

    say(`\nmedian of ${RUNS} warm runs each, limit ${PAGE}, depth 0, as each website's admin; target ≤ ${MAX_RATIO}×`)
    const width = Math.max(...results.map((r) => r.name.length))
    say(`${'view'.padEnd(width)}  ${'big ms'.padStart(8)}  ${'empty ms'.padStart(8)}  ${'ratio'.padStart(6)}  result  (matches big / empty, statements)`)
    for (const r of results) {
      const pass = r.ratio <= MAX_RATIO
      say(
        `${r.name.padEnd(width)}  ${r.big.toFixed(2).padStart(8)}  ${r.empty.toFixed(2).padStart(8)}  ${`${r.ratio.toFixed(2)}×`.padStart(6)}  ${pass ? 'PASS' : 'FAIL'}    (${r.bigDocs} / ${r.emptyDocs}, ${r.statements})`,
      )
    }
    const failed = results.filter((r) => r.ratio > MAX_RATIO)
    if (failed.length) say(`\nFAIL: ${failed.map((r) => r.name).join(', ')} over ${MAX_RATIO}×`)
    process.exitCode = failed.length ? 1 : 0
    await closePayload(payload)
    payload = null
  } finally {
    await client.end()
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)
