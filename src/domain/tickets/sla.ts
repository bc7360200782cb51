import type { TicketPriority } from './workflow'

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS

/** Minutes to the first staff answer and to closing, by priority. */
export type SlaTargets = Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number }>

/**
 * A website's ticket settings (`settings.tickets`): the SLA targets and the reopen window.
 * Defaults (reference §9.2): resolution critical 1 h, high 4 h, normal 24 h, low 72 h; the
 * first response half of that — critical 30 min (the reference's 0 h is its defect).
 */
export type TicketSettings = {
  reopenWindowHours: number
  criticalFirstResponseMinutes: number
  criticalResolutionMinutes: number
  highFirstResponseMinutes: number
  highResolutionMinutes: number
  normalFirstResponseMinutes: number
  normalResolutionMinutes: number
  lowFirstResponseMinutes: number
  lowResolutionMinutes: number
}

export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  reopenWindowHours: 72,
  criticalFirstResponseMinutes: 30,
  criticalResolutionMinutes: 60,
  highFirstResponseMinutes: 120,
  highResolutionMinutes: 240,
  normalFirstResponseMinutes: 720,
  normalResolutionMinutes: 1440,
  lowFirstResponseMinutes: 2160,
  lowResolutionMinutes: 4320,
}

export const slaTargetsOf = (settings: TicketSettings): SlaTargets => ({
  critical: { firstResponseMinutes: settings.criticalFirstResponseMinutes, resolutionMinutes: settings.criticalResolutionMinutes },
  high: { firstResponseMinutes: settings.highFirstResponseMinutes, resolutionMinutes: settings.highResolutionMinutes },
  normal: { firstResponseMinutes: settings.normalFirstResponseMinutes, resolutionMinutes: settings.normalResolutionMinutes },
  low: { firstResponseMinutes: settings.lowFirstResponseMinutes, resolutionMinutes: settings.lowResolutionMinutes },
})

/** When a ticket opened (or reopened) at `from` must be first answered and resolved. */
export const slaDueDates = (targets: SlaTargets, priority: TicketPriority, from: Date) => ({
  firstResponseDueAt: new Date(from.getTime() + targets[priority].firstResponseMinutes * MINUTE_MS),
  resolutionDueAt: new Date(from.getTime() + targets[priority].resolutionMinutes * MINUTE_MS),
})

/** A ticket's SLA clock as stored. */
export type SlaState = {
  firstResponseDueAt: Date | null
  resolutionDueAt: Date | null
  firstRespondedAt: Date | null
  firstResponseBreachedAt: Date | null
  resolutionBreachedAt: Date | null
}

export type BreachKind = 'firstResponse' | 'resolution'

/**
 * The breaches past due at `now` and not flagged yet: the first response when nobody of
 * staff answered by its target, the resolution when the ticket is still open past its
 * target. A flagged breach is never due again (each is flagged once).
 */
export const dueBreaches = (sla: SlaState, now: Date): BreachKind[] => {
  const due: BreachKind[] = []
  if (!sla.firstRespondedAt && !sla.firstResponseBreachedAt && sla.firstResponseDueAt && sla.firstResponseDueAt <= now) due.push('firstResponse')
  if (!sla.resolutionBreachedAt && sla.resolutionDueAt && sla.resolutionDueAt <= now) due.push('resolution')
  return due
}

/** Why the opener may not reopen now (the window after closing has passed), or null. */
export const reopenRefusal = (closedAt: Date | null, windowHours: number, now: Date): string | null => {
  if (!closedAt) return null
  if (now.getTime() - closedAt.getTime() <= windowHours * HOUR_MS) return null
  return `A ticket can be reopened within ${windowHours} hours of closing; open a new one.`
}
