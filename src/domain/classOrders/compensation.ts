import type { ClassCompensationKind } from './statuses'

export type ClassCompensation = { kind: ClassCompensationKind; value: number }

/** Percentages are whole percents of the class's total; a fixed amount is cents. */
export const compensationProblem = ({ kind, value }: ClassCompensation, total: number): string | null => {
  if (!Number.isSafeInteger(value) || value < 0) return 'Must be a whole number, not negative.'
  if (kind === 'percentage' && value > 100) return 'A percentage is at most 100.'
  if (kind === 'fixed' && value > total) return 'A fixed amount is at most the total the client pays.'
  return null
}

/** What the writer earns for the whole class, in cents: the percentage of its accepted total (rounded down) or the fixed amount. */
export const classCompensation = ({ kind, value }: ClassCompensation, total: number): number => (kind === 'percentage' ? Math.floor((total * value) / 100) : value)

/**
 * The writer's earning for one approved task (the rule chosen for §10.2's "earned as
 * tasks are approved"): what is not yet earned, shared equally among the tasks not yet
 * earned (this one included), rounded down; the last of them takes the rest. Tasks added
 * later share what remains, cancelled ones take nothing, so the class never pays more
 * than its compensation and pays all of it once every live task is approved.
 */
export const taskEarning = ({ compensation, earnedSoFar, unearnedTasks }: { compensation: number; earnedSoFar: number; unearnedTasks: number }): number => {
  const left = Math.max(0, compensation - earnedSoFar)
  if (unearnedTasks <= 1) return left
  return Math.floor(left / unearnedTasks)
}
