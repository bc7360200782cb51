/**
 * Discipline of writers (reference §12.4): warnings, strikes, probation, suspension and
 * blacklist. A suspension or blacklist that is active makes the writer ineligible for
 * work (`users.suspended`, the one flag eligibility reads); probation only marks them.
 */
export const DISCIPLINE_KINDS = ['warning', 'strike', 'probation', 'suspension', 'blacklist'] as const
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number]

export const DISCIPLINE_STATUSES = ['active', 'lifted', 'expired'] as const
export type DisciplineStatus = (typeof DISCIPLINE_STATUSES)[number]

/** The kinds that keep a writer off work while active. */
export const BARRING_KINDS: readonly DisciplineKind[] = ['suspension', 'blacklist']

/** The kinds that cannot be open-ended. */
export const KINDS_WITH_END: readonly DisciplineKind[] = ['suspension', 'probation']

export const barsWork = (kind: DisciplineKind): boolean => BARRING_KINDS.includes(kind)

/** A website's escalation rules (reference WriterDisciplineConfig / WriterWarningEscalationConfig). */
export type DisciplineSettings = {
  /** Active strikes that suspend the writer automatically; 0 disables. */
  autoSuspendOnStrikes: number
  autoSuspendDays: number
  /** Lifetime strikes that blacklist the writer; 0 disables. */
  autoBlacklistOnStrikes: number
  /** Active warnings that put the writer on probation; 0 disables. */
  warningsForProbation: number
  /** How long a warning (and the probation it leads to) lasts. */
  warningDays: number
}

export const DEFAULT_DISCIPLINE: DisciplineSettings = {
  autoSuspendOnStrikes: 5,
  autoSuspendDays: 7,
  autoBlacklistOnStrikes: 10,
  warningsForProbation: 5,
  warningDays: 30,
}

const DAY_MS = 24 * 60 * 60 * 1000

export const addDays = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS)

/** What a new strike or warning sets off, given the counts that include it. */
export type Escalation = { kind: 'suspension' | 'blacklist' | 'probation'; days: number | null; reason: string } | null

/**
 * The automatic step a new record triggers (reference §12.4): a blacklist at the lifetime
 * strike limit, else a suspension at the active strike limit; probation at the active
 * warning limit. `already` says what the writer already has active, so a threshold
 * crossed again does not stack a second suspension or probation.
 */
export const escalationFor = (
  kind: DisciplineKind,
  counts: { activeStrikes: number; lifetimeStrikes: number; activeWarnings: number },
  already: { suspended: boolean; blacklisted: boolean; onProbation: boolean },
  settings: DisciplineSettings,
): Escalation => {
  if (already.blacklisted) return null
  if (kind === 'strike') {
    if (settings.autoBlacklistOnStrikes > 0 && counts.lifetimeStrikes >= settings.autoBlacklistOnStrikes)
      return { kind: 'blacklist', days: null, reason: `${counts.lifetimeStrikes} strikes in total (the website blacklists at ${settings.autoBlacklistOnStrikes}).` }
    if (!already.suspended && settings.autoSuspendOnStrikes > 0 && counts.activeStrikes >= settings.autoSuspendOnStrikes)
      return { kind: 'suspension', days: settings.autoSuspendDays, reason: `${counts.activeStrikes} active strikes (the website suspends at ${settings.autoSuspendOnStrikes}).` }
  }
  if (kind === 'warning' && !already.onProbation && settings.warningsForProbation > 0 && counts.activeWarnings >= settings.warningsForProbation)
    return { kind: 'probation', days: settings.warningDays, reason: `${counts.activeWarnings} active warnings (the website puts writers on probation at ${settings.warningsForProbation}).` }
  return null
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "8 December 2026" (UTC: the date the schedule lifts it). */
export const formatDay = (date: Date): string => DAY_FORMAT.format(date)

const sentence = (text: string): string => text.trim().replace(/[.!?]+$/, '')

/** Who reads the reason: the writer themselves ("You are…") or staff ("The writer is…"). */
export type ReasonAudience = 'self' | 'staff'

/**
 * Why a barred writer cannot work (shown in `blocked[].reason` of order actions, in the
 * assign refusal and on writer suggestions): the record that bars them, with its end
 * and reason. A blacklist's reason stays with staff: the writer is told only that it is one.
 */
export const disciplineReason = (record: { kind: DisciplineKind; endsAt: Date | null; reason: string }, audience: ReasonAudience): string => {
  const subject = audience === 'self' ? 'You are' : 'The writer is'
  if (record.kind === 'blacklist') return audience === 'self' ? 'You are blacklisted on this website.' : `The writer is blacklisted on this website: ${sentence(record.reason)}.`
  const until = record.endsAt ? ` until ${formatDay(record.endsAt)}` : ''
  return `${subject} suspended${until}: ${sentence(record.reason)}.`
}
