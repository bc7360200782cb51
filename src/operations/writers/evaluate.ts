import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { partiesBut } from '@/domain/notifications/recipients'
import { ratingForEvaluation } from '@/domain/reviews/rules'
import { withDefaults } from '@/domain/withDefaults'
import {
  checkCriteria,
  compositeScore,
  type Crossing,
  decideLevel,
  EVALUATION_WINDOW_DAYS,
  isoWeekStart,
  type LevelCriteria,
  NEUTRAL_CRITERIA,
  type PerformanceCounts,
  type PerformanceSnapshot,
  snapshotOf,
  SNAPSHOTS_READ,
} from '@/domain/writers/evaluation'
import { sweep, type SweepCounts } from '@/jobs/sweep'
import type { WriterEvaluation, WriterLevel, WriterLevelChange } from '@/payload-types'

import { notify } from '../notifications/notify'

import { LEVEL_CHANGE_RECORDED } from './levelChanges'

const DAY_MS = 24 * 3600 * 1000

/** A level's criteria as stored, over the neutral ones (a level saved before criteria existed). */
export const criteriaOf = (level: Pick<WriterLevel, 'criteria'>): LevelCriteria => {
  const criteria = withDefaults(NEUTRAL_CRITERIA, level.criteria)
  // withDefaults keeps a default for null; "no rating criterion" is null itself.
  return { ...criteria, minAverageRating: level.criteria?.minAverageRating ?? null }
}

type CountRow = { writer_id: number; completed: string; cancelled: string; submitted: string; late: string; revised: string; disputed: string }

/**
 * Every writer's counts on the website for the window, in one aggregate over its orders
 * (a request kind is looked up per order by the (order, kind, status) index, never one
 * query per order). Completed means completed in the window and not cancelled since;
 * cancelled means cancelled in the window while the writer held the order.
 */
export const countsOfWebsite = async (req: PayloadRequest, tenant: number, from: Date, to: Date): Promise<Map<number, PerformanceCounts>> => {
  const start = from.toISOString()
  const end = to.toISOString()
  const completed = sql`(o.timestamps_completed_at >= ${start} AND o.timestamps_completed_at < ${end} AND o.status::text NOT IN ('cancelled', 'refunded'))`
  const cancelled = sql`(o.status::text = 'cancelled' AND o.timestamps_cancelled_at >= ${start} AND o.timestamps_cancelled_at < ${end})`
  const submitted = sql`(o.timestamps_submitted_at >= ${start} AND o.timestamps_submitted_at < ${end})`
  const had = (kind: 'revision' | 'dispute') => sql`EXISTS (SELECT 1 FROM order_requests r WHERE r.order_id = o.id AND r.kind::text = ${kind})`
  const rows = await execute<CountRow>(
    req,
    sql`SELECT o.writer_id,
          COUNT(*) FILTER (WHERE ${completed}) AS completed,
          COUNT(*) FILTER (WHERE ${cancelled}) AS cancelled,
          COUNT(*) FILTER (WHERE ${submitted}) AS submitted,
          COUNT(*) FILTER (WHERE ${submitted} AND o.timestamps_submitted_at > o.writer_deadline) AS late,
          COUNT(*) FILTER (WHERE ${completed} AND ${had('revision')}) AS revised,
          COUNT(*) FILTER (WHERE (${completed} OR ${cancelled}) AND ${had('dispute')}) AS disputed
        FROM orders o
        WHERE o.tenant_id = ${tenant} AND o.writer_id IS NOT NULL AND (${completed} OR ${cancelled} OR ${submitted})
        GROUP BY o.writer_id`,
  )
  // The rating is the writer's own (their user row, kept by reviews' moderation), joined per writer in `evaluateWriter`.
  return new Map(
    rows.map((row) => [
      Number(row.writer_id),
      { completed: Number(row.completed), cancelled: Number(row.cancelled), submitted: Number(row.submitted), late: Number(row.late), revised: Number(row.revised), disputed: Number(row.disputed), averageRating: null },
    ]),
  )
}

const NO_ORDERS: PerformanceCounts = { completed: 0, cancelled: 0, submitted: 0, late: 0, revised: 0, disputed: 0, averageRating: null }

/** The website's writers with a level that have no evaluation for the week yet. */
const dueWriters = async (req: PayloadRequest, tenant: number, periodStart: Date): Promise<number[]> => {
  const rows = await execute<{ id: number }>(
    req,
    sql`SELECT u.id FROM users u
        WHERE u.writer_level_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value::text = 'writer')
          AND EXISTS (SELECT 1 FROM users_tenants t WHERE t._parent_id = u.id AND t.tenant_id = ${tenant})
          AND NOT EXISTS (SELECT 1 FROM writer_evaluations e WHERE e.writer_id = u.id AND e.period_start = ${periodStart.toISOString()})
        ORDER BY u.id`,
  )
  return rows.map((row) => Number(row.id))
}

const snapshotFrom = (e: WriterEvaluation): PerformanceSnapshot => ({
  completedOrders: e.completedOrders,
  completionRate: e.completionRate,
  latenessRate: e.latenessRate,
  revisionRate: e.revisionRate,
  disputeRate: e.disputeRate,
  cancellationRate: e.cancellationRate,
  averageRating: e.averageRating ?? null,
})

const reasonsOf = (crossings: readonly Crossing[]) =>
  crossings.map(({ metric, value, threshold, comparison }) => ({ metric, value, threshold, crossed: comparison === '>=' ? ('atLeast' as const) : ('atMost' as const) }))

export type LevelChangeInput = {
  tenant: number
  writer: number
  from: WriterLevel | null
  to: WriterLevel
  trigger: 'weekly' | 'admin'
  reasons: readonly Crossing[]
  evaluation?: number | null
  changedBy?: number | null
  note?: string | null
}

/**
 * Moves a writer to another level with the row that explains it, and tells the writer;
 * in the caller's transaction, under the writer's row lock the caller took.
 */
export const changeLevel = async (req: PayloadRequest, input: LevelChangeInput): Promise<WriterLevelChange> => {
  const direction = input.from && input.to.displayOrder < input.from.displayOrder ? 'demotion' : 'promotion'
  await req.payload.update({ collection: 'users', id: input.writer, data: { writerLevel: input.to.id }, depth: 0, ...asSystem(proofOf(req)), req, context: { [LEVEL_CHANGE_RECORDED]: true } })
  const change = await req.payload.create({
    collection: 'writer-level-changes',
    data: {
      tenant: input.tenant,
      writer: input.writer,
      from: input.from?.id ?? null,
      to: input.to.id,
      direction,
      trigger: input.trigger,
      reasons: reasonsOf(input.reasons),
      evaluation: input.evaluation ?? null,
      changedBy: input.changedBy ?? null,
      note: input.note ?? null,
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await notify(req, {
    event: `writer.${direction}`,
    recipients: partiesBut(input.changedBy, [input.writer]),
    tenant: input.tenant,
    data: { change: change.id, from: input.from?.name ?? null, to: input.to.name },
    key: `writer.${direction}:${change.id}`,
  })
  return change
}

export type WeekContext = { tenant: number; periodStart: Date; windowStart: Date; now: Date; levels: readonly WriterLevel[] }

/**
 * One writer's week, in one transaction under the writer's row lock: the snapshot (once:
 * a writer already evaluated this week is left alone), then the decision over their
 * latest snapshots against the level above (promotion) and their own (demotion one
 * level down), and the change with its reasons. Answers whether a snapshot was written.
 */
export const evaluateWriter = async (req: PayloadRequest, writer: number, counts: PerformanceCounts, week: WeekContext): Promise<boolean> => {
  await lockRow(req, 'users', writer)
  const { totalDocs: done } = await req.payload.count({
    collection: 'writer-evaluations',
    where: { and: [{ writer: { equals: writer } }, { periodStart: { equals: week.periodStart.toISOString() } }] },
    ...asSystem(proofOf(req)),
    req,
  })
  if (done > 0) return false
  const user = await req.payload.findByID({ collection: 'users', id: writer, depth: 0, ...asSystem(proofOf(req)), req, select: { writerLevel: true, ratingAverage: true, ratingCount: true } })
  const currentId = idOf(user.writerLevel)
  // The approved reviews' rating once it rests on enough of them; until then the rating criterion waits and the score renormalises without it.
  const snapshot = snapshotOf({ ...counts, averageRating: ratingForEvaluation(user) })
  const evaluation = await req.payload.create({
    collection: 'writer-evaluations',
    data: {
      tenant: week.tenant,
      writer,
      periodStart: week.periodStart.toISOString(),
      periodEnd: new Date(week.periodStart.getTime() + 7 * DAY_MS).toISOString(),
      windowStart: week.windowStart.toISOString(),
      assignedOrders: counts.completed + counts.cancelled,
      completedOrders: counts.completed,
      submittedOrders: counts.submitted,
      completionRate: snapshot.completionRate,
      latenessRate: snapshot.latenessRate,
      revisionRate: snapshot.revisionRate,
      disputeRate: snapshot.disputeRate,
      cancellationRate: snapshot.cancellationRate,
      averageRating: snapshot.averageRating,
      compositeScore: compositeScore(snapshot),
      level: currentId,
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })

  const index = week.levels.findIndex((level) => level.id === currentId)
  // A writer on an inactive (or another website's) level is snapshotted, not moved.
  if (index < 0) return true
  const current = week.levels[index]!
  const next = week.levels[index + 1] ?? null
  const lower = week.levels[index - 1] ?? null
  const { docs: history } = await req.payload.find({
    collection: 'writer-evaluations',
    where: { writer: { equals: writer } },
    sort: '-periodStart',
    limit: SNAPSHOTS_READ,
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const snapshots = history.map(snapshotFrom)
  const decision = decideLevel(snapshots, criteriaOf(current), next ? criteriaOf(next) : null, lower !== null)
  if (decision.change === 'promote' && next) {
    await changeLevel(req, { tenant: week.tenant, writer, from: current, to: next, trigger: 'weekly', reasons: checkCriteria(snapshot, decision.met), evaluation: evaluation.id })
  } else if (decision.change === 'demote' && lower) {
    await changeLevel(req, { tenant: week.tenant, writer, from: current, to: lower, trigger: 'weekly', reasons: decision.crossed, evaluation: evaluation.id })
  }
  return true
}

/**
 * A website's weekly evaluation: every writer with a level not yet evaluated this ISO
 * week, each in its own transaction (a failing writer does not stop the others). The
 * counts come from one aggregate for the whole website. Running it again the same week
 * does nothing. `req` is the schedule's (the platform's, no user).
 */
export const evaluateWebsite = async (req: PayloadRequest, tenant: number, now: Date): Promise<SweepCounts> => {
  const periodStart = isoWeekStart(now)
  const due = await dueWriters(req, tenant, periodStart)
  if (due.length === 0) return { done: 0, failed: 0 }
  const windowStart = new Date(now.getTime() - EVALUATION_WINDOW_DAYS * DAY_MS)
  const counts = await countsOfWebsite(req, tenant, windowStart, now)
  const { docs: levels } = await req.payload.find({
    collection: 'writer-levels',
    where: { and: [{ tenant: { equals: tenant } }, { active: { equals: true } }] },
    sort: 'displayOrder',
    limit: 100,
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const week: WeekContext = { tenant, periodStart, windowStart, now, levels }
  return sweep(req.payload, 'writers-evaluation', due, (writer, writerReq) => evaluateWriter(writerReq, writer, counts.get(writer) ?? NO_ORDERS, week))
}
