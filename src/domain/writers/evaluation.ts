/**
 * The weekly evaluation of a writer (reference §12.2): a snapshot of rates, a composite
 * score, and whether the writer moves up or down one level, with the metric that decided.
 */
export type PerformanceSnapshot = {
  completedOrders: number
  /** 0–1 each. */
  completionRate: number
  latenessRate: number
  revisionRate: number
  disputeRate: number
  cancellationRate: number
  /** 1–5; null until reviews exist. */
  averageRating: number | null
}

/** The reference's weights; the rating's share is spread over the others while there is none. */
const WEIGHTS = { rating: 0.4, completion: 0.25, lateness: 0.15, revision: 0.1, dispute: 0.05, cancellation: 0.05 } as const

/** Composite score 0–100, to one decimal. */
export const compositeScore = (s: PerformanceSnapshot): number => {
  const parts: [number, number][] = [
    [WEIGHTS.completion, s.completionRate],
    [WEIGHTS.lateness, 1 - s.latenessRate],
    [WEIGHTS.revision, 1 - s.revisionRate],
    [WEIGHTS.dispute, 1 - s.disputeRate],
    [WEIGHTS.cancellation, 1 - s.cancellationRate],
  ]
  if (s.averageRating !== null) parts.push([WEIGHTS.rating, s.averageRating / 5])
  const weight = parts.reduce((sum, [w]) => sum + w, 0)
  const score = (100 * parts.reduce((sum, [w, v]) => sum + w * Math.min(1, Math.max(0, v)), 0)) / weight
  return Math.round(score * 10) / 10
}

/** A level's entry criteria (to be promoted into it) and demotion thresholds (to stay in it). */
export type LevelCriteria = {
  minCompositeScore: number
  minCompletedOrders: number
  minAverageRating: number | null
  minCompletionRate: number
  /** How many of the latest snapshots must all meet the entry criteria. */
  minEvaluationPeriods: number
  maxLatenessRate: number
  maxRevisionRate: number
  maxDisputeRate: number
  maxCancellationRate: number
}

export type Crossing = { metric: string; value: number; threshold: number; comparison: '>=' | '<=' }

/** Every criterion of a level checked against a snapshot: the metric, its value, the threshold and whether it holds. */
export const checkCriteria = (s: PerformanceSnapshot, c: LevelCriteria): (Crossing & { holds: boolean })[] => {
  const out: (Crossing & { holds: boolean })[] = []
  const atLeast = (metric: string, value: number, threshold: number) => out.push({ metric, value, threshold, comparison: '>=', holds: value >= threshold })
  const atMost = (metric: string, value: number, threshold: number) => out.push({ metric, value, threshold, comparison: '<=', holds: value <= threshold })
  atLeast('compositeScore', compositeScore(s), c.minCompositeScore)
  atLeast('completedOrders', s.completedOrders, c.minCompletedOrders)
  // No reviews yet: the rating criterion waits for them rather than blocking everyone.
  if (c.minAverageRating !== null && s.averageRating !== null) atLeast('averageRating', s.averageRating, c.minAverageRating)
  atLeast('completionRate', s.completionRate, c.minCompletionRate)
  atMost('latenessRate', s.latenessRate, c.maxLatenessRate)
  atMost('revisionRate', s.revisionRate, c.maxRevisionRate)
  atMost('disputeRate', s.disputeRate, c.maxDisputeRate)
  atMost('cancellationRate', s.cancellationRate, c.maxCancellationRate)
  return out
}

/** The criteria a snapshot misses, each naming the metric, its value and the threshold. */
export const missedCriteria = (s: PerformanceSnapshot, c: LevelCriteria): Crossing[] =>
  checkCriteria(s, c)
    .filter((check) => !check.holds)
    .map(({ metric, value, threshold, comparison }) => ({ metric, value, threshold, comparison }))

export type LevelDecision =
  | { change: 'promote'; met: LevelCriteria }
  | { change: 'demote'; crossed: Crossing[] }
  | { change: 'none'; missedForNext: Crossing[] }

/**
 * Promote when the next level's criteria hold in each of its last `minEvaluationPeriods`
 * snapshots (newest first); else demote when the newest snapshot breaches the current
 * level's demotion thresholds (rates only: a writer is not demoted for being new); else stay.
 */
export const decideLevel = (snapshotsNewestFirst: readonly PerformanceSnapshot[], current: LevelCriteria, next: LevelCriteria | null, hasLowerLevel: boolean): LevelDecision => {
  const latest = snapshotsNewestFirst[0]
  if (!latest) return { change: 'none', missedForNext: [] }
  if (next) {
    const window = snapshotsNewestFirst.slice(0, Math.max(1, next.minEvaluationPeriods))
    if (window.length >= next.minEvaluationPeriods && window.every((s) => missedCriteria(s, next).length === 0)) return { change: 'promote', met: next }
  }
  const crossed = missedCriteria(latest, current).filter((c) => c.comparison === '<=')
  if (hasLowerLevel && crossed.length > 0) return { change: 'demote', crossed }
  return { change: 'none', missedForNext: next ? missedCriteria(latest, next) : [] }
}

/** Criteria that promote nobody into a level on their own and demote nobody out of it. */
export const NEUTRAL_CRITERIA: LevelCriteria = {
  minCompositeScore: 0,
  minCompletedOrders: 0,
  minAverageRating: null,
  minCompletionRate: 0,
  minEvaluationPeriods: 1,
  maxLatenessRate: 1,
  maxRevisionRate: 1,
  maxDisputeRate: 1,
  maxCancellationRate: 1,
}

/**
 * The demo levels' criteria (the reference seeds thresholds per level but not these
 * values): each level asks more to enter and tolerates less to stay. Entry is the floor.
 */
export const DEFAULT_LEVEL_CRITERIA: Readonly<Record<string, LevelCriteria>> = {
  entry: NEUTRAL_CRITERIA,
  standard: { minCompositeScore: 70, minCompletedOrders: 5, minAverageRating: 3.5, minCompletionRate: 0.8, minEvaluationPeriods: 1, maxLatenessRate: 0.3, maxRevisionRate: 0.4, maxDisputeRate: 0.2, maxCancellationRate: 0.3 },
  senior: { minCompositeScore: 80, minCompletedOrders: 15, minAverageRating: 4, minCompletionRate: 0.9, minEvaluationPeriods: 2, maxLatenessRate: 0.2, maxRevisionRate: 0.3, maxDisputeRate: 0.1, maxCancellationRate: 0.2 },
  expert: { minCompositeScore: 90, minCompletedOrders: 30, minAverageRating: 4.5, minCompletionRate: 0.95, minEvaluationPeriods: 4, maxLatenessRate: 0.1, maxRevisionRate: 0.2, maxDisputeRate: 0.05, maxCancellationRate: 0.1 },
}

/** How far back a weekly snapshot looks (reference: the last 90 days of orders). */
export const EVALUATION_WINDOW_DAYS = 90

/** How many of the latest snapshots the decision reads (reference: the last 10). */
export const SNAPSHOTS_READ = 10

/** Monday 00:00 UTC of the ISO week `at` falls in: one evaluation per writer and week. */
export const isoWeekStart = (at: Date): Date => {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const sinceMonday = (day.getUTCDay() + 6) % 7
  return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000)
}

/** A writer's orders in the window, as counted by the evaluation's one aggregate. */
export type PerformanceCounts = {
  /** Completed (and not cancelled since). */
  completed: number
  /** Cancelled after the writer was assigned. */
  cancelled: number
  submitted: number
  /** Submitted after the writer deadline. */
  late: number
  /** Completed orders that had a revision request. */
  revised: number
  /** Ended (completed or cancelled) orders that had a dispute. */
  disputed: number
  /** Average of the writer's reviews; null while there are none. */
  averageRating: number | null
}

const ratio = (part: number, whole: number, none: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : none)

/**
 * The rates of a snapshot. With nothing to measure a rate is the writer's best (no late
 * submission among none), so a new writer is held back by the minimum of completed
 * orders, never demoted for having no history.
 */
export const snapshotOf = (c: PerformanceCounts): PerformanceSnapshot => {
  const ended = c.completed + c.cancelled
  return {
    completedOrders: c.completed,
    completionRate: ratio(c.completed, ended, 1),
    latenessRate: ratio(c.late, c.submitted, 0),
    revisionRate: ratio(c.revised, c.completed, 0),
    disputeRate: ratio(c.disputed, ended, 0),
    cancellationRate: ratio(c.cancelled, ended, 0),
    averageRating: c.averageRating,
  }
}
