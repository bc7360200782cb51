import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { CLOSED_FOR_STAFFING } from '@/domain/orders/statuses'
import { deadlineReason, hoursLeft, rankWriters, type WriterRecord } from '@/domain/writers/suggestions'

import { adminOfVisible } from '../gate'
import { barringRecords } from '../writers/discipline'

/** More writers than one website staffs with; the list is for choosing, not exporting. */
const MAX_WRITERS = 500

type LoadRow = { writer_id: number; active: string; delivered: string; on_time: string }

/**
 * Per writer of the website: active orders (as `writerEligibility` counts them) and
 * submissions by the writer deadline, in one statement. It runs after the caller was
 * shown to be an admin of this website, who may read every one of these orders.
 */
const loadsOf = async (req: PayloadRequest, tenant: number): Promise<Map<number, LoadRow>> => {
  const closed = sql.join(
    CLOSED_FOR_STAFFING.map((status) => sql`${status}`),
    sql`, `,
  )
  const rows = await execute<LoadRow>(
    req,
    sql`SELECT writer_id,
          COUNT(*) FILTER (WHERE status::text NOT IN (${closed})) AS active,
          COUNT(*) FILTER (WHERE timestamps_submitted_at IS NOT NULL) AS delivered,
          COUNT(*) FILTER (WHERE timestamps_submitted_at <= writer_deadline) AS on_time
        FROM orders
        WHERE tenant_id = ${tenant} AND writer_id IS NOT NULL
        GROUP BY writer_id`,
  )
  return new Map(rows.map((row) => [Number(row.writer_id), row]))
}

/**
 * GET /api/orders/:id/writer-suggestions: the website's writers ranked for this order
 * (admins of its website; 404 when the caller cannot see the order). Four reads at
 * most whatever the number of writers: the writers and the levels as the caller, the
 * loads in one aggregate, and what bars the suspended ones (when there are any).
 */
export const writerSuggestions = async (req: PayloadRequest, orderId: number, now = new Date()) => {
  const { doc: order, tenant } = await adminOfVisible(req, 'orders', orderId, 'Only an admin of the website sees writer suggestions.')
  const { docs: writers } = await req.payload.find({
    collection: 'users',
    where: { and: [{ roles: { in: ['writer'] } }, { 'tenants.tenant': { equals: tenant } }] },
    select: { name: true, email: true, suspended: true, writerLevel: true },
    sort: 'name',
    depth: 0,
    limit: MAX_WRITERS,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const { docs: levels } = await req.payload.find({
    collection: 'writer-levels',
    where: { tenant: { equals: tenant } },
    select: { maxActiveOrders: true, isDefault: true },
    depth: 0,
    limit: 100,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const loads = await loadsOf(req, tenant)
  // The caller is an admin of this website, who reads its discipline records.
  const barred = await barringRecords(req, tenant, writers.filter((writer) => writer.suspended).map((writer) => writer.id), 'staff')
  const limitOf = new Map(levels.map((level) => [level.id, level.maxActiveOrders]))
  const defaultLimit = levels.find((level) => level.isDefault)?.maxActiveOrders ?? null

  const records: WriterRecord[] = writers.map((writer) => {
    const load = loads.get(writer.id)
    const levelId = idOf(writer.writerLevel)
    return {
      id: writer.id,
      name: writer.name,
      email: writer.email,
      suspended: Boolean(writer.suspended),
      barredBecause: barred.get(writer.id) ?? null,
      activeOrders: Number(load?.active ?? 0),
      maxActiveOrders: levelId !== null ? (limitOf.get(levelId) ?? null) : defaultLimit,
      delivered: Number(load?.delivered ?? 0),
      deliveredOnTime: Number(load?.on_time ?? 0),
    }
  })
  const writerDeadline = new Date(order.writerDeadline!)
  const hours = hoursLeft(writerDeadline, now)
  const assigned = [idOf(order.writer), idOf(order.pendingWriter)].filter((id): id is number => id !== null)
  return {
    order: { id: order.id, number: order.number, status: order.status, writerDeadline: writerDeadline.toISOString(), hoursLeft: hours, deadline: deadlineReason(hours) },
    suggestions: rankWriters(records, { writerDeadline, preferredWriter: idOf(order.preferredWriter), assigned }, now),
  }
}
