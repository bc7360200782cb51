import { FALLBACK_MAX_ACTIVE_ORDERS, writerIneligibility } from './levels'

/** What the ranking knows of one writer of the website. */
export type WriterRecord = {
  id: number
  name: string
  email: string
  suspended: boolean
  /** What the suspension or blacklist that bars them says (staff's words), when one does. */
  barredBecause?: string | null
  /** Orders they write that are not closed (the same count the assign guard uses). */
  activeOrders: number
  /** Their level's limit (or the website's default level's); null: none configured. */
  maxActiveOrders: number | null
  /** Orders of theirs with a submission on record, and how many of those came by the writer deadline. */
  delivered: number
  deliveredOnTime: number
}

/** The order being staffed. */
export type SuggestionOrder = {
  writerDeadline: Date
  preferredWriter: number | null
  /** Its writer now, or the one it waits on to accept: not suggested again. */
  assigned: readonly number[]
}

export type WriterSuggestion = {
  writer: { id: number; name: string; email: string }
  eligible: boolean
  load: { active: number; limit: number }
  /** Share (0–1) of delivered orders submitted by the writer deadline; null with no history. */
  onTimeRate: number | null
  reasons: string[]
}

const HOUR_MS = 3600 * 1000

/** Under this many hours to the writer deadline, reliability weighs more than spare capacity. */
export const TIGHT_DEADLINE_HOURS = 24

/** A writer without deliveries is ranked as if this share of them had been on time. */
const UNKNOWN_ON_TIME = 0.5

const percent = (rate: number) => `${Math.round(rate * 100)} %`

/** Hours to the deadline (negative once past), to one hour. */
export const hoursLeft = (deadline: Date, now: Date): number => Math.round((deadline.getTime() - now.getTime()) / HOUR_MS)

/** A line saying how much time the writer has: shown once with the suggestions. */
export const deadlineReason = (hours: number): string =>
  hours < 0 ? `The writer deadline passed ${-hours} h ago.` : hours < TIGHT_DEADLINE_HOURS ? `The writer deadline is in ${hours} h: on-time record weighs most.` : `The writer deadline is in ${hours} h.`

type Scored = WriterSuggestion & { score: number; preferred: boolean }

const suggest = (writer: WriterRecord, order: SuggestionOrder, tight: boolean): Scored => {
  const limit = writer.maxActiveOrders ?? FALLBACK_MAX_ACTIVE_ORDERS
  const onTimeRate = writer.delivered > 0 ? writer.deliveredOnTime / writer.delivered : null
  const preferred = order.preferredWriter === writer.id
  const reasons: string[] = []
  const assigned = order.assigned.includes(writer.id)
  // The same rule (and words) the assign action applies, so a suggestion never promises what it refuses.
  const refusal = assigned ? 'Already assigned to this order.' : writerIneligibility({ suspended: writer.suspended, activeOrders: writer.activeOrders, maxActiveOrders: writer.maxActiveOrders, barredBecause: writer.barredBecause ?? null })
  if (refusal) reasons.push(refusal)
  if (preferred) reasons.push("The client's preferred writer.")
  if (!refusal) reasons.push(`${writer.activeOrders} of ${limit} active orders: room for ${limit - writer.activeOrders} more.`)
  reasons.push(onTimeRate === null ? 'No delivered orders yet.' : `On time for ${writer.deliveredOnTime} of ${writer.delivered} delivered orders (${percent(onTimeRate)}).`)

  const spare = Math.max(0, limit - writer.activeOrders) / limit
  const reliability = onTimeRate ?? UNKNOWN_ON_TIME
  const weight = tight ? 0.75 : 0.5
  return { writer: { id: writer.id, name: writer.name, email: writer.email }, eligible: refusal === null, load: { active: writer.activeOrders, limit }, onTimeRate, reasons, score: weight * reliability + (1 - weight) * spare, preferred }
}

/**
 * The website's writers ranked for one order: eligible writers first (the client's
 * preferred writer at their head), then by a score of on-time record and spare capacity
 * under their level's limit, the record weighing more when the writer deadline is near;
 * ties go to the lighter load, then by name. Every suggestion says why it stands where it does.
 */
export const rankWriters = (writers: readonly WriterRecord[], order: SuggestionOrder, now: Date): WriterSuggestion[] => {
  const tight = hoursLeft(order.writerDeadline, now) < TIGHT_DEADLINE_HOURS
  return writers
    .map((writer) => suggest(writer, order, tight))
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        Number(b.preferred) - Number(a.preferred) ||
        b.score - a.score ||
        a.load.active - b.load.active ||
        a.writer.name.localeCompare(b.writer.name) ||
        a.writer.id - b.writer.id,
    )
    .map(({ writer, eligible, load, onTimeRate, reasons }) => ({ writer, eligible, load, onTimeRate, reasons }))
}
