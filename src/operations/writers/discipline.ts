import type { CollectionAfterChangeHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { withDefaults } from '@/domain/withDefaults'
import { addDays, barsWork, DEFAULT_DISCIPLINE, DISCIPLINE_KINDS, type DisciplineKind, type DisciplineSettings, disciplineReason, escalationFor, type ReasonAudience } from '@/domain/writers/discipline'
import { refuseField } from '@/errors'
import type { DisciplineRecord } from '@/payload-types'

import { notify } from '../notifications/notify'

/** Set on the request while the escalation rules issue a record, so it is marked automatic and has no issuer. */
const AUTOMATIC = 'disciplineAutomatic'

export const disciplineSettingsOf = async (req: PayloadRequest, tenant: number): Promise<DisciplineSettings> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return withDefaults(DEFAULT_DISCIPLINE, website.settings?.discipline)
}

const isKind = (value: unknown): value is DisciplineKind => DISCIPLINE_KINDS.includes(value as DisciplineKind)

const asDate = (value: unknown): Date | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * A create of a discipline record is an issue (the admin's Create, the REST create and
 * the escalation rules alike): the writer must be a writer of the record's website, the
 * record starts active now, a warning without an end lasts the
 * website's warning days, and the issuer is the caller. Updates pass through (only the
 * workflow's actions change a record).
 */
export const prepareDisciplineRecord: CollectionBeforeValidateHook<DisciplineRecord> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const tenant = idOf(data.tenant as number | { id: number } | null | undefined)
  const writer = idOf(data.writer as number | { id: number } | null | undefined)
  // Missing values are left for validation to name.
  if (tenant === null || writer === null || !isKind(data.kind)) return data
  const person = await req.payload.findByID({ collection: 'users', id: writer, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
  const ofWebsite = person?.tenants?.some((row) => idOf(row.tenant) === tenant) ?? false
  if (!person || !person.roles?.includes('writer') || !ofWebsite) throw refuseField('discipline-records', 'writer', 'Must be a writer of the record’s website.', 400)
  const startsAt = new Date()
  const endsAt = asDate(data.endsAt)
  if (endsAt && endsAt.getTime() <= startsAt.getTime()) throw refuseField('discipline-records', 'endsAt', 'Must be after the start.', 400)
  const automatic = req.context[AUTOMATIC] === true
  const settings = data.kind === 'warning' && !endsAt ? await disciplineSettingsOf(req, tenant) : null
  return {
    ...data,
    status: 'active',
    startsAt: startsAt.toISOString(),
    endsAt: settings ? addDays(startsAt, settings.warningDays).toISOString() : (endsAt?.toISOString() ?? null),
    automatic,
    issuedBy: automatic ? null : (actorOf(req)?.id ?? null),
  }
}

type Standing = { active_strikes: string; lifetime_strikes: string; active_warnings: string; suspended: boolean; blacklisted: boolean; on_probation: boolean }

/** The writer's counts and active records on the website, in one statement. */
const standingOf = async (req: PayloadRequest, tenant: number, writer: number, except: number): Promise<Standing> => {
  const [row] = await execute<Standing>(
    req,
    sql`SELECT
          COUNT(*) FILTER (WHERE kind::text = 'strike' AND status::text = 'active') AS active_strikes,
          COUNT(*) FILTER (WHERE kind::text = 'strike') AS lifetime_strikes,
          COUNT(*) FILTER (WHERE kind::text = 'warning' AND status::text = 'active') AS active_warnings,
          COALESCE(bool_or(kind::text = 'suspension' AND status::text = 'active' AND id <> ${except}), false) AS suspended,
          COALESCE(bool_or(kind::text = 'blacklist' AND status::text = 'active' AND id <> ${except}), false) AS blacklisted,
          COALESCE(bool_or(kind::text = 'probation' AND status::text = 'active' AND id <> ${except}), false) AS on_probation
        FROM discipline_records
        WHERE tenant_id = ${tenant} AND writer_id = ${writer}`,
  )
  return row!
}

/**
 * `users.suspended` follows the writer's records: true while a suspension or blacklist
 * of theirs is active, false once none is (the one flag eligibility reads).
 */
export const syncSuspended = async (req: PayloadRequest, writer: number): Promise<boolean> => {
  const [row] = await execute<{ barred: boolean }>(
    req,
    sql`SELECT EXISTS (SELECT 1 FROM discipline_records WHERE writer_id = ${writer} AND status::text = 'active' AND kind::text IN ('suspension', 'blacklist')) AS barred`,
  )
  const barred = Boolean(row?.barred)
  await req.payload.update({ collection: 'users', id: writer, data: { suspended: barred }, depth: 0, ...asSystem(proofOf(req)), req, context: { ...req.context, disciplineSync: true } })
  return barred
}

export type IssueInput = { tenant: number; writer: number; kind: DisciplineKind; reason: string; endsAt?: Date | null }

/** Issues a record as the platform (the escalation rules); the collection's hooks do the rest. */
export const issueAutomatically = async (req: PayloadRequest, input: IssueInput): Promise<DisciplineRecord> => {
  const previous = req.context[AUTOMATIC]
  req.context[AUTOMATIC] = true
  try {
    return await req.payload.create({
      collection: 'discipline-records',
      data: { tenant: input.tenant, writer: input.writer, kind: input.kind, reason: input.reason, status: 'active', endsAt: input.endsAt?.toISOString() ?? null },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  } finally {
    req.context[AUTOMATIC] = previous
  }
}

/**
 * Tells the writer (a notification) what happened to one of their records. A blacklist's
 * reason stays with staff (`disciplineReason`): the writer hears only that it is one.
 */
export const notifyWriter = (req: PayloadRequest, record: DisciplineRecord, event: 'issued' | 'lifted' | 'expired') =>
  notify(req, {
    event: `discipline.${event}`,
    recipients: [idOf(record.writer)!],
    tenant: idOf(record.tenant)!,
    data: { id: record.id, kind: record.kind, status: record.status, endsAt: record.endsAt ?? null, reason: record.kind === 'blacklist' ? null : record.reason },
    key: `discipline.${event}:${record.id}`,
  })

/**
 * After an issue, in the create's transaction, under the writer's row lock (two strikes
 * at once count each other): a suspension or blacklist bars the writer; a strike or a
 * warning may set off the website's next step (reference §12.4), issued as its own
 * automatic record; the writer is told.
 */
export const afterDisciplineIssued: CollectionAfterChangeHook<DisciplineRecord> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const tenant = idOf(doc.tenant)!
  const writer = idOf(doc.writer)!
  await lockRow(req, 'users', writer)
  if (barsWork(doc.kind)) await syncSuspended(req, writer)
  if (doc.kind === 'strike' || doc.kind === 'warning') {
    const standing = await standingOf(req, tenant, writer, doc.id)
    const counts = { activeStrikes: Number(standing.active_strikes), lifetimeStrikes: Number(standing.lifetime_strikes), activeWarnings: Number(standing.active_warnings) }
    const step = escalationFor(doc.kind, counts, { suspended: standing.suspended, blacklisted: standing.blacklisted, onProbation: standing.on_probation }, await disciplineSettingsOf(req, tenant))
    if (step) await issueAutomatically(req, { tenant, writer, kind: step.kind, reason: step.reason, endsAt: step.days === null ? null : addDays(new Date(), step.days) })
  }
  await notifyWriter(req, doc, 'issued')
  return doc
}

type BarRow = { writer_id: number; kind: DisciplineKind; ends_at: string | Date | null; reason: string }

/**
 * Why each of `writers` is barred on the website: their active blacklist, else the
 * suspension that ends last (a suspension without an end first). One statement for any
 * number of writers; writers without such a record are absent.
 */
export const barringRecords = async (req: PayloadRequest, tenant: number, writers: readonly number[], audience: ReasonAudience): Promise<Map<number, string>> => {
  if (writers.length === 0) return new Map()
  const ids = sql.join(
    writers.map((id) => sql`${id}`),
    sql`, `,
  )
  const rows = await execute<BarRow>(
    req,
    sql`SELECT DISTINCT ON (writer_id) writer_id, kind::text AS kind, ends_at, reason
        FROM discipline_records
        WHERE tenant_id = ${tenant} AND writer_id IN (${ids}) AND status::text = 'active' AND kind::text IN ('suspension', 'blacklist')
        ORDER BY writer_id, (kind::text = 'blacklist') DESC, ends_at DESC NULLS FIRST, id DESC`,
  )
  return new Map(rows.map((row) => [Number(row.writer_id), disciplineReason({ kind: row.kind, endsAt: row.ends_at ? new Date(row.ends_at) : null, reason: row.reason }, audience)]))
}
