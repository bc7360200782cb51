const HOUR_MS = 3600 * 1000

/** Deadline reminders to the writer, hours before the writer deadline (reference §3.11), and where each is marked as sent. */
export const DEADLINE_REMINDERS = [
  { hours: 24, mark: 'reminder24hAt' },
  { hours: 6, mark: 'reminder6hAt' },
  { hours: 1, mark: 'reminder1hAt' },
] as const

export const REMINDER_MARKS = DEADLINE_REMINDERS.map((r) => r.mark)
export type ReminderMark = (typeof REMINDER_MARKS)[number]

/** Statuses in which the writer is on the clock. */
export const ON_THE_CLOCK = ['in_progress', 'qa_review'] as const

/**
 * The one reminder due now, if any: the tightest window the deadline has entered whose
 * reminder has not been sent. Entering the 6 h window after missing the 24 h one sends
 * only the 6 h reminder (the earlier one is marked too: it would be stale).
 */
export const dueReminder = (writerDeadline: Date, now: Date, sent: Partial<Record<ReminderMark, string | null>>): { hours: number; marks: ReminderMark[] } | null => {
  const left = writerDeadline.getTime() - now.getTime()
  if (left <= 0) return null
  const entered = DEADLINE_REMINDERS.filter((r) => left <= r.hours * HOUR_MS)
  const tightest = entered.at(-1)
  if (!tightest || sent[tightest.mark]) return null
  return { hours: tightest.hours, marks: entered.map((r) => r.mark).filter((m) => !sent[m]) }
}

/** Overdue alerts repeat at most this often. */
export const OVERDUE_REPEAT_HOURS = 4
/** In progress without any activity this long: stuck. */
export const STUCK_AFTER_HOURS = 8

export const overdueAlertDue = (writerDeadline: Date, now: Date, lastAlert: Date | null): boolean =>
  now > writerDeadline && (!lastAlert || now.getTime() - lastAlert.getTime() >= OVERDUE_REPEAT_HOURS * HOUR_MS)

export const stuckDue = (lastActivity: Date, now: Date, alertedAt: Date | null): boolean =>
  now.getTime() - lastActivity.getTime() >= STUCK_AFTER_HOURS * HOUR_MS && (!alertedAt || alertedAt < lastActivity)

/** A writer who has not acknowledged their assignment this long after it is reminded (reference §3.11). */
export const ACKNOWLEDGEMENT_REMINDER_HOURS = 2

/**
 * Whether the current assignment's acknowledgement reminder is due: 2 h after the
 * assignment, not acknowledged since, not reminded since. A reassignment starts the
 * clock again (acknowledgement and reminder older than the assignment count for nothing).
 */
export const acknowledgementReminderDue = (assignedAt: Date, now: Date, acknowledgedAt: Date | null, remindedAt: Date | null): boolean =>
  now.getTime() - assignedAt.getTime() >= ACKNOWLEDGEMENT_REMINDER_HOURS * HOUR_MS && !(acknowledgedAt && acknowledgedAt >= assignedAt) && !(remindedAt && remindedAt >= assignedAt)
