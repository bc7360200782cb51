import { BASIS, type BasisPoints, type Cents, multiply } from '@/domain/money'

/**
 * How a late submission is fined (reference §7), per website. Percentages are of the
 * fine's base (the writer's pay by default), in whole percent as staff configure them.
 */
export type LatenessRule = {
  /** `cumulative`: every step reached adds up; `progressive`: the bracket the lateness falls in. */
  mode: 'cumulative' | 'progressive'
  hour1: number
  hour2: number
  hour3: number
  /** Each whole hour after the third, up to hour 24. */
  perHourAfter3: number
  /** Each started day from 24 hours late (cumulative), each whole day (progressive). */
  perDay: number
  /** The website's cap; never above 100 % whatever is configured (the reference had none). */
  maxPercent: number | null
}

export const DEFAULT_LATENESS_RULE: LatenessRule = { mode: 'cumulative', hour1: 5, hour2: 10, hour3: 15, perHourAfter3: 5, perDay: 20, maxPercent: null }

const HOUR_MS = 3_600_000

/**
 * Hours late, measured against the writer's deadline (what the writer agreed to; the
 * reference measured the client's first): 0 when on time.
 */
export const hoursLate = (submittedAt: Date, writerDeadline: Date): number => Math.max(0, (submittedAt.getTime() - writerDeadline.getTime()) / HOUR_MS)

const cumulativePercent = (hours: number, rule: LatenessRule): number => {
  if (hours < 1) return 0
  let percent = rule.hour1
  if (hours >= 2) percent += rule.hour2
  if (hours >= 3) percent += rule.hour3 + rule.perHourAfter3 * (Math.min(Math.floor(hours), 24) - 3)
  if (hours >= 24) percent += rule.perDay * (Math.floor((hours - 24) / 24) + 1)
  return percent
}

const progressivePercent = (hours: number, rule: LatenessRule): number => {
  if (hours < 1) return 0
  if (hours < 2) return rule.hour1
  if (hours < 3) return rule.hour2
  if (hours < 24) return rule.hour3 + rule.perHourAfter3 * (Math.floor(hours) - 3)
  return rule.perDay * Math.floor(hours / 24)
}

/** The fine in whole percent of its base, capped at the website's maximum and always at 100. */
export const latenessPercent = (hours: number, rule: LatenessRule = DEFAULT_LATENESS_RULE): number => {
  const raw = rule.mode === 'cumulative' ? cumulativePercent(hours, rule) : progressivePercent(hours, rule)
  const cap = Math.min(100, rule.maxPercent ?? 100)
  return Math.max(0, Math.min(raw, cap))
}

/** The lateness fine on `base` cents (rounded half up to a cent), 0 when on time. */
export const latenessFine = (base: Cents, hours: number, rule: LatenessRule = DEFAULT_LATENESS_RULE): Cents => {
  const percent = latenessPercent(hours, rule)
  const bp: BasisPoints = Math.round((percent * BASIS) / 100)
  return multiply(base, bp)
}
