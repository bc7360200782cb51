import type { Payload, PayloadRequest, Where } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { AUTO_APPROVE_DAYS, AUTO_ARCHIVE_DAYS } from '@/domain/orders/revisions'
import type { OrderAction } from '@/domain/orders/actions'
import { ACKNOWLEDGEMENT_REMINDER_HOURS, acknowledgementReminderDue, dueReminder, ON_THE_CLOCK, overdueAlertDue, STUCK_AFTER_HOURS, stuckDue } from '@/domain/orders/monitoring'
import { recordFinding } from '@/operations/orders/recordFinding'
import { performOrderAction } from '@/operations/orders/performOrderAction'
import { websiteWorkflow } from '@/operations/orders/loadActionContext'
import { idOf } from '@/operations/orders/records'

import type { Schedule } from './schedules'
import { idsMatching, sweep, type SweepCounts } from './sweep'

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

type Sweep = (payload: Payload, now: Date) => Promise<SweepCounts>

/** Each order matching `where`, on its own (see `sweep`). */
const eachOrder = (payload: Payload, name: string, where: Where, handle: (orderId: number, req: PayloadRequest) => Promise<boolean>) =>
  sweep(payload, name, idsMatching(payload, 'orders', where), handle)

/**
 * The platform performs a workflow action through the same operation as a user. If the
 * order moved on meanwhile (a person acted first), the rules refuse (a ClientError the
 * sweep counts as skipped) and nothing happens.
 */
const systemAction = (action: OrderAction, now: Date) => async (orderId: number, req: PayloadRequest): Promise<boolean> => {
  await performOrderAction(req, orderId, action, {}, { system: true, now })
  return true
}

/** Invitations left unanswered past the website's window fall back to the pool. */
export const expireInvitations: Sweep = async (payload, now) => {
  const hours = new Map<number, number>()
  const expire = systemAction('expireInvitation', now)
  return eachOrder(payload, 'orders-invitation-expiry', { and: [{ status: { equals: 'ready_for_staffing' } }, { visibility: { equals: 'preferred_writer_only' } }, { invitedAt: { less_than_equal: new Date(now.getTime() - HOUR_MS).toISOString() } }] }, async (orderId, req) => {
    const order = await payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { tenant: true, invitedAt: true } })
    const tenantId = idOf(order.tenant)!
    if (!hours.has(tenantId)) {
      const tenant = await payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
      hours.set(tenantId, websiteWorkflow(tenant).staffing.invitationHours)
    }
    if (!order.invitedAt || now.getTime() - new Date(order.invitedAt).getTime() < hours.get(tenantId)! * HOUR_MS) return false
    return expire(orderId, req)
  })
}

const onTheClock: Where = { status: { in: [...ON_THE_CLOCK] } }

/** 24 h, 6 h and 1 h before the writer deadline, once each. */
export const deadlineReminders: Sweep = (payload, now) =>
  eachOrder(payload, 'orders-deadline-reminders', { and: [onTheClock, { writerDeadline: { greater_than: now.toISOString() } }, { writerDeadline: { less_than_equal: new Date(now.getTime() + DAY_MS).toISOString() } }] }, (orderId, req) =>
    recordFinding(req, orderId, 'deadlineReminder', now, (fresh) => {
      const due = ON_THE_CLOCK.includes(fresh.status as never) ? dueReminder(new Date(fresh.writerDeadline), now, fresh.monitoring ?? {}) : null
      if (!due) return null
      return { marks: Object.fromEntries(due.marks.map((m) => [m, now.toISOString()])), metadata: { hoursLeft: due.hours }, notifyWriter: true, notifyStaff: false }
    }),
  )

/** Assigned 2 h ago and not acknowledged: the writer is reminded once per assignment. */
export const acknowledgementReminders: Sweep = (payload, now) =>
  eachOrder(
    payload, 'orders-acknowledgement-reminders',
    { and: [{ status: { equals: 'in_progress' } }, { writer: { exists: true } }, { 'timestamps.assignedAt': { less_than_equal: new Date(now.getTime() - ACKNOWLEDGEMENT_REMINDER_HOURS * HOUR_MS).toISOString() } }] },
    (orderId, req) =>
      recordFinding(req, orderId, 'acknowledgementReminder', now, (fresh) => {
        const assignedAt = fresh.timestamps?.assignedAt ? new Date(fresh.timestamps.assignedAt) : null
        const dateOf = (value: string | null | undefined) => (value ? new Date(value) : null)
        if (fresh.status !== 'in_progress' || !fresh.writer || !assignedAt) return null
        if (!acknowledgementReminderDue(assignedAt, now, dateOf(fresh.timestamps?.acknowledgedAt), dateOf(fresh.monitoring?.acknowledgementReminderAt))) return null
        return { marks: { acknowledgementReminderAt: now.toISOString() }, metadata: { assignedAt: assignedAt.toISOString() }, notifyWriter: true, notifyStaff: false }
      }),
  )

/** Past the writer deadline: staff are told, then again every 4 h while it lasts. */
export const overdueEscalation: Sweep = (payload, now) =>
  eachOrder(payload, 'orders-overdue-escalation', { and: [onTheClock, { writerDeadline: { less_than: now.toISOString() } }] }, (orderId, req) =>
    recordFinding(req, orderId, 'overdue', now, (fresh) => {
      const last = fresh.monitoring?.overdueAlertedAt ? new Date(fresh.monitoring.overdueAlertedAt) : null
      if (!ON_THE_CLOCK.includes(fresh.status as never) || !overdueAlertDue(new Date(fresh.writerDeadline), now, last)) return null
      return { marks: { overdueAlertedAt: now.toISOString() }, metadata: { hoursLate: Math.floor((now.getTime() - new Date(fresh.writerDeadline).getTime()) / HOUR_MS) }, notifyWriter: true, notifyStaff: true }
    }),
  )

/** In progress with no activity for 8 h: reported once per quiet spell. */
export const stuckDetection: Sweep = (payload, now) =>
  eachOrder(payload, 'orders-stuck-detection', { and: [{ status: { equals: 'in_progress' } }, { 'monitoring.lastActivityAt': { less_than_equal: new Date(now.getTime() - STUCK_AFTER_HOURS * HOUR_MS).toISOString() } }] }, (orderId, req) =>
    recordFinding(req, orderId, 'stuck', now, (fresh) => {
      const m = fresh.monitoring
      if (fresh.status !== 'in_progress' || !m?.lastActivityAt || !stuckDue(new Date(m.lastActivityAt), now, m.stuckAlertedAt ? new Date(m.stuckAlertedAt) : null)) return null
      return { marks: { stuckAlertedAt: now.toISOString() }, metadata: { quietSince: m.lastActivityAt }, notifyWriter: false, notifyStaff: true }
    }),
  )

/** Completed and not approved 14 days later: approved by the platform (the reference looked at `submitted` and never approved). */
export const autoApprove: Sweep = (payload, now) =>
  eachOrder(
    payload, 'orders-auto-approve',
    { and: [{ status: { equals: 'completed' } }, { 'timestamps.approvedAt': { exists: false } }, { 'timestamps.completedAt': { less_than_equal: new Date(now.getTime() - AUTO_APPROVE_DAYS * DAY_MS).toISOString() } }] },
    systemAction('approve', now),
  )

/** Completed 30 days ago with nothing pending: archived (an open dispute or revision holds it back). */
export const autoArchive: Sweep = (payload, now) =>
  eachOrder(payload, 'orders-auto-archive', { and: [{ status: { equals: 'completed' } }, { 'timestamps.completedAt': { less_than_equal: new Date(now.getTime() - AUTO_ARCHIVE_DAYS * DAY_MS).toISOString() } }] }, systemAction('archive', now))

const MINUTE_MS = 60 * 1000

/** The order workflow's timed jobs (DESIGN §8). */
export const ORDER_SCHEDULES: Schedule[] = [
  { id: 'orders-invitation-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expireInvitations(payload, now) },
  { id: 'orders-deadline-reminders', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => deadlineReminders(payload, now) },
  { id: 'orders-acknowledgement-reminders', everyMs: 15 * MINUTE_MS, run: ({ payload, now }) => acknowledgementReminders(payload, now) },
  { id: 'orders-overdue-escalation', everyMs: 15 * MINUTE_MS, run: ({ payload, now }) => overdueEscalation(payload, now) },
  { id: 'orders-stuck-detection', everyMs: 30 * MINUTE_MS, run: ({ payload, now }) => stuckDetection(payload, now) },
  { id: 'orders-auto-approve', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => autoApprove(payload, now) },
  { id: 'orders-auto-archive', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => autoArchive(payload, now) },
]
