const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

/** The pay link works this long after it is made (reference §6.2: 72 h). */
export const PAY_TOKEN_HOURS = 72
/** "Upcoming" reminders go out from this long before the due moment. */
export const UPCOMING_DAYS = 3
/** An issued invoice on which nothing was paid expires this long after its due moment. */
export const EXPIRE_AFTER_DAYS = 7

export const REMINDER_KINDS = ['upcoming', 'due', 'overdue'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]
export type ReminderMarks = { reminderUpcomingAt?: string | null; reminderDueAt?: string | null; reminderOverdueAt?: string | null }

export const markOf = (kind: ReminderKind): keyof ReminderMarks =>
  kind === 'upcoming' ? 'reminderUpcomingAt' : kind === 'due' ? 'reminderDueAt' : 'reminderOverdueAt'

/**
 * The reminder to send now, or null: `upcoming` from 3 days to 1 day before the due
 * moment, `due` in its last 24 hours, `overdue` once it has passed. Only the current
 * window's reminder is sent (a late first run does not send a stale `upcoming`), and each
 * one once (its mark).
 */
export const reminderToSend = (dueAt: Date, now: Date, marks: ReminderMarks): ReminderKind | null => {
  const left = dueAt.getTime() - now.getTime()
  const kind: ReminderKind | null = left <= 0 ? 'overdue' : left <= DAY_MS ? 'due' : left <= UPCOMING_DAYS * DAY_MS ? 'upcoming' : null
  return kind && !marks[markOf(kind)] ? kind : null
}

/** An issued invoice with nothing paid expires a week after it fell due; money paid keeps it open. */
export const hasExpired = (invoice: { status: string; amountPaid: number; dueAt: Date }, now: Date): boolean =>
  invoice.status === 'issued' && invoice.amountPaid === 0 && now.getTime() >= invoice.dueAt.getTime() + EXPIRE_AFTER_DAYS * DAY_MS

export const payTokenExpiry = (issuedAt: Date): Date => new Date(issuedAt.getTime() + PAY_TOKEN_HOURS * HOUR_MS)

/** `INV-000123` / `RCT-000001`: the website's sequence, zero-padded to six digits. */
export const formatDocumentNumber = (prefix: 'INV' | 'RCT', sequence: number): string => `${prefix}-${String(sequence).padStart(6, '0')}`

/** How far ahead a due date may lie. */
export const MAX_DUE_YEARS = 5

/** Why a due date cannot be set now (it must lie ahead, and not beyond MAX_DUE_YEARS), or null. */
export const dueDateProblem = (dueAt: Date, now: Date): string | null => {
  if (dueAt <= now) return 'Must lie in the future.'
  if (dueAt.getTime() > now.getTime() + MAX_DUE_YEARS * 365 * 24 * HOUR_MS) return `At most ${MAX_DUE_YEARS} years ahead.`
  return null
}
