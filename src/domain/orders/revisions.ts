const DAY_MS = 24 * 3600 * 1000

/** Default free-revision window, in days after completion (per website setting later). */
export const FREE_REVISION_DAYS = 14

export type RevisionCheck = { free: true } | { free: false; reason: string }

/**
 * Whether a revision request is free (reference §3.6): within the window after
 * completion (or submission, before completion) and before the order is approved.
 */
export const revisionCheck = (args: {
  completedAt: Date | null
  submittedAt: Date | null
  approvedAt: Date | null
  now: Date
  windowDays?: number
}): RevisionCheck => {
  if (args.approvedAt) return { free: false, reason: 'The order is approved: its revision window is closed.' }
  const from = args.completedAt ?? args.submittedAt
  if (!from) return { free: false, reason: 'Nothing has been delivered yet.' }
  const days = args.windowDays ?? FREE_REVISION_DAYS
  if (args.now.getTime() - from.getTime() > days * DAY_MS) {
    return { free: false, reason: `Free revisions end ${days} days after delivery.` }
  }
  return { free: true }
}

/** Completed orders are approved automatically this many days after completion. */
export const AUTO_APPROVE_DAYS = 14
/** …and archived this many days after completion when nothing is pending. */
export const AUTO_ARCHIVE_DAYS = 30
