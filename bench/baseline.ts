/**
 * The baseline: the same work as the Payload scenarios, hand-written over node-postgres.
 * It authenticates like Payload does on every request (HS256 token check with the same
 * secret, then one query for the user's roles, websites and session), applies the same
 * row rules, returns the same page and JSON shape (docs + totals), validates quotes
 * with the same zod schema and prices them with the same domain function. What it
 * leaves out is the framework: Payload's request, hooks, access machinery, field
 * traversal and query builder. Order creation is the exception: its baseline is the
 * raw INSERT of an equivalent row (no auth, no pricing), the floor of what a write costs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import type pg from 'pg'

import { toBasisPoints } from '@/domain/money'
import { hostCandidates } from '@/domain/tenancy/hostname'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import { priceOrder } from '@/domain/pricing/priceOrder'
import type { PricingConfig, RateOption } from '@/domain/pricing/types'
import { quoteInput } from '@/operations/quoteOrder'

export type BaselineRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer }
export type BaselineResponse = { status: number; body: unknown }

type Actor = { id: number; roles: string[]; tenantIds: number[] }

const ORDER_COLUMNS = `o.id, o.tenant_id AS "tenant", o.number, o.client_id AS "client", o.topic, o.instructions,
  o.paper_type AS "paperType", o.work_type AS "workType", o.academic_level AS "academicLevel", o.subject,
  o.analysis_level AS "analysisLevel", o.writer_level AS "writerLevel", o.formatting_style AS "formattingStyle",
  o.english_type AS "englishType",
  ARRAY(SELECT t.text FROM orders_texts t WHERE t.parent_id = o.id AND t.path = 'addons' ORDER BY t."order") AS addons,
  o.pages::float8 AS pages, o.spacing, o.client_deadline AS "clientDeadline", o.writer_deadline AS "writerDeadline",
  o.preferred_writer_id AS "preferredWriter", o.total::float8 AS total, o.amount_paid::float8 AS "amountPaid", o.currency,
  o.payment_status AS "paymentStatus", o.status, o.visibility, o.writer_id AS "writer", o.editor_id AS "editor",
  o.price_snapshot AS "priceSnapshot",
  json_build_object('urgent', o.flags_urgent, 'highValue', o.flags_high_value, 'firstOrder', o.flags_first_order,
    'returningClient', o.flags_returning_client) AS flags,
  json_build_object('paidAt', o.timestamps_paid_at, 'assignedAt', o.timestamps_assigned_at, 'submittedAt', o.timestamps_submitted_at,
    'completedAt', o.timestamps_completed_at, 'approvedAt', o.timestamps_approved_at, 'cancelledAt', o.timestamps_cancelled_at,
    'archivedAt', o.timestamps_archived_at) AS timestamps,
  o.updated_at AS "updatedAt", o.created_at AS "createdAt"`

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url')

/** Verifies an HS256 token signed with Payload's secret; its claims or null. */
const verifyToken = (token: string, secret: string): { id: number; sid?: string; exp?: number } | null => {
  const [header, claims, signature] = token.split('.')
  if (!header || !claims || !signature) return null
  const expected = Buffer.from(base64url(createHmac('sha256', secret).update(`${header}.${claims}`).digest()))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { id: number; sid?: string; exp?: number }
  if (parsed.exp && parsed.exp * 1000 < Date.now()) return null
  return parsed
}

const header = (req: BaselineRequest, name: string): string | undefined => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const page = (docs: unknown[], totalDocs: number, limit: number, pageNo: number) => {
  const totalPages = Math.ceil(totalDocs / limit)
  return {
    docs,
    totalDocs,
    limit,
    totalPages,
    page: pageNo,
    pagingCounter: (pageNo - 1) * limit + 1,
    hasPrevPage: pageNo > 1,
    hasNextPage: pageNo < totalPages,
    prevPage: pageNo > 1 ? pageNo - 1 : null,
    nextPage: pageNo < totalPages ? pageNo + 1 : null,
  }
}

export const createBaseline = (pool: pg.Pool, secret: string) => {
  let inserted = 0

  // The reference without the user read (`x-bench-auth: cached`): the actor kept per
  // user and session for 30 s, as Payload's side keeps the person (src/security/userCache.ts).
  const known = new Map<string, { actor: Actor; at: number }>()
  const authenticate = async (req: BaselineRequest): Promise<Actor | null> => {
    const auth = header(req, 'authorization')
    const token = auth?.startsWith('JWT ') || auth?.startsWith('Bearer ') ? auth.slice(auth.indexOf(' ') + 1) : null
    const claims = token ? verifyToken(token, secret) : null
    if (!claims) return null
    const cached = header(req, 'x-bench-auth') === 'cached'
    const key = `${claims.id}:${claims.sid ?? ''}`
    const hit = cached ? known.get(key) : undefined
    if (hit && Date.now() - hit.at < 30_000) return hit.actor
    const { rows } = await pool.query<{ id: number; roles: string[]; tenants: number[] | null; session: boolean }>(
      `SELECT u.id,
         ARRAY(SELECT r.value::text FROM users_roles r WHERE r.parent_id = u.id ORDER BY r."order") AS roles,
         ARRAY(SELECT t.tenant_id FROM users_tenants t WHERE t._parent_id = u.id ORDER BY t._order) AS tenants,
         EXISTS(SELECT 1 FROM users_sessions s WHERE s._parent_id = u.id AND s.id = $2 AND s.expires_at > now()) AS session
       FROM users u WHERE u.id = $1`,
      [claims.id, claims.sid ?? ''],
    )
    const row = rows[0]
    if (!row?.session) return null
    const actor = { id: row.id, roles: row.roles, tenantIds: row.tenants ?? [] }
    if (cached) known.set(key, { actor, at: Date.now() })
    return actor
  }

  /** GET /api/orders with the collection's read rule for clients and staff (the bench's two callers). */
  const listOrders = async (req: BaselineRequest): Promise<BaselineResponse> => {
    const actor = await authenticate(req)
    if (!actor) return { status: 403, body: { errors: [{ message: 'You are not allowed to perform this action.' }] } }
    const url = new URL(req.url, 'http://baseline')
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100)
    const pageNo = Number(url.searchParams.get('page') ?? 1)
    const status = url.searchParams.get('where[status][equals]')
    // One website is an equality (the index walk PostgreSQL can do in order), several an ANY.
    const params: unknown[] = [actor.tenantIds.length === 1 ? actor.tenantIds[0] : actor.tenantIds]
    let where = actor.tenantIds.length === 1 ? 'o.tenant_id = $1' : 'o.tenant_id = ANY($1)'
    if (actor.roles.includes('client')) {
      params.push(actor.id)
      where += ` AND o.client_id = $${params.length}`
    } else if (!actor.roles.some((r) => ['admin', 'editor', 'support'].includes(r))) {
      return { status: 200, body: page([], 0, limit, 1) }
    }
    if (status) {
      params.push(status)
      where += ` AND o.status = $${params.length}`
    }
    const [docs, count] = await Promise.all([
      pool.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE ${where} ORDER BY o.created_at DESC LIMIT ${limit} OFFSET ${(pageNo - 1) * limit}`, params),
      pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders o WHERE ${where}`, params),
    ])
    return { status: 200, body: page(docs.rows, count.rows[0]!.n, limit, pageNo) }
  }

  /** POST /api/orders/quote: the request's website by Host, its price list, the same validation and pricing. */
  const quote = async (req: BaselineRequest): Promise<BaselineResponse> => {
    const parsed = quoteInput.safeParse(JSON.parse(req.body.toString() || '{}'))
    if (!parsed.success) return { status: 400, body: { errors: [{ message: 'invalid', data: parsed.error.issues }] } }
    const candidates = hostCandidates(header(req, 'host') ?? null)
    const { rows: tenants } = await pool.query<{
      id: number
      currency: string
      basePerPage: number | null
      minimumCharge: number | null
      preferredWriterFee: number | null
      single: number | null
      double: number | null
    }>(
      `SELECT t.id, t.currency, t.pricing_base_per_page::float8 AS "basePerPage", t.pricing_minimum_charge::float8 AS "minimumCharge",
         t.pricing_preferred_writer_fee::float8 AS "preferredWriterFee", t.pricing_single_spacing_multiplier::float8 AS single,
         t.pricing_double_spacing_multiplier::float8 AS double
       FROM tenants t JOIN tenants_domains d ON d._parent_id = t.id
       WHERE d.domain = ANY($1) AND t.active ORDER BY array_position($1, d.domain) LIMIT 1`,
      [candidates],
    )
    const tenant = tenants[0]
    if (!tenant) return { status: 404, body: { errors: [{ message: 'No active website is registered for this host.' }] } }
    const { rows: options } = await pool.query<{
      dimension: string
      code: string
      label: string
      multiplier: number | null
      amount: number | null
      flat: boolean | null
      maxHours: number | null
      category: string | null
      sortOrder: number | null
      active: boolean | null
    }>(
      `SELECT dimension, code, label, multiplier::float8 AS multiplier, amount::float8 AS amount, flat, max_hours::float8 AS "maxHours",
         category, sort_order::float8 AS "sortOrder", active
       FROM pricing_options WHERE tenant_id = $1 ORDER BY sort_order`,
      [tenant.id],
    )
    const defaults = defaultPricingConfig()
    const of = (dimension: string) => options.filter((o) => o.dimension === dimension)
    const rate = (o: (typeof options)[number]): RateOption => ({
      code: o.code,
      label: o.label,
      multiplier: toBasisPoints(o.multiplier ?? 1),
      active: o.active !== false,
      sortOrder: o.sortOrder ?? 0,
    })
    const config: PricingConfig = {
      currency: tenant.currency,
      version: 'baseline',
      basePerPage: tenant.basePerPage ?? defaults.basePerPage,
      minimumCharge: tenant.minimumCharge ?? defaults.minimumCharge,
      preferredWriterFee: tenant.preferredWriterFee ?? defaults.preferredWriterFee,
      spacing: {
        single: tenant.single ? toBasisPoints(tenant.single) : defaults.spacing.single,
        double: tenant.double ? toBasisPoints(tenant.double) : defaults.spacing.double,
      },
      paperTypes: of('paperType').map(rate),
      workTypes: of('workType').map(rate),
      academicLevels: of('academicLevel').map(rate),
      subjectCategories: of('subjectCategory').map(rate),
      subjects: of('subject').map((o) => ({ ...rate(o), category: o.category ?? '', customMultiplier: o.multiplier ? toBasisPoints(o.multiplier) : null })),
      analysisLevels: of('analysisLevel').map(rate),
      deadlineBands: of('deadlineBand').map((o) => ({ ...rate(o), maxHours: o.maxHours ?? 0 })),
      writerLevels: of('writerLevel').map((o) => ({ ...rate(o), flat: o.flat !== false, amount: o.amount ?? 0 })),
      addons: of('addon').map((o) => ({ code: o.code, label: o.label, amount: o.amount ?? 0, active: o.active !== false, sortOrder: o.sortOrder ?? 0 })),
    }
    const priced = priceOrder(config, parsed.data)
    if (!priced.ok) return { status: 400, body: { errors: [{ message: 'invalid', data: priced.problems }] } }
    return { status: 200, body: { total: priced.quote.total, currency: priced.quote.currency, lines: priced.quote.lines } }
  }

  /** POST /api/orders: one INSERT of a row like a placed order (the body's inputs, fixed price fields). */
  const insertOrder = async (req: BaselineRequest, target: { tenantId: number; clientId: number }): Promise<BaselineResponse> => {
    const body = JSON.parse(req.body.toString() || '{}') as Record<string, unknown>
    const now = Date.now()
    const deadline = new Date(now + Number(body.deadlineHours ?? 72) * 3_600_000)
    const writerDeadline = new Date(now + Math.floor(Number(body.deadlineHours ?? 72) * 3_600_000 * 0.8))
    inserted += 1
    const snapshot = { inputs: body, lines: [{ type: 'total', code: 'total', label: 'total', amount: 7302 }], total: 7302, configVersion: 'baseline' }
    const { rows } = await pool.query(
      `WITH o AS (INSERT INTO orders (tenant_id, number, client_id, topic, instructions, paper_type, work_type, academic_level, subject,
         formatting_style, pages, spacing, client_deadline, writer_deadline, total, amount_paid, currency, payment_status, status,
         visibility, price_snapshot, flags_urgent, flags_high_value, flags_first_order, flags_returning_client)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 7302, 0, 'USD', 'unpaid', 'pending_payment', 'hidden', $15,
         false, false, false, true) RETURNING *)
       SELECT ${ORDER_COLUMNS} FROM o`,
      [
        target.tenantId,
        `BASE-${process.pid}-${inserted}`,
        target.clientId,
        body.topic,
        body.instructions,
        body.paperType,
        body.workType,
        body.academicLevel,
        body.subject,
        body.formattingStyle ?? null,
        body.pages,
        body.spacing,
        deadline,
        writerDeadline,
        JSON.stringify(snapshot),
      ],
    )
    return { status: 201, body: { doc: rows[0], message: 'Order placed.' } }
  }

  return { authenticate, listOrders, quote, insertOrder }
}
